package org.openionm.recording.index;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfAnnotationSignal;

/** The recording's annotation signal in the index: annotations, record starts, tolerated defects. */
public final class AnnotationSection {

    private AnnotationSection() {
    }

    static byte[] encode(EdfAnnotationSignal signal) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(signal.annotations().size());
            for (EdfAnnotation a : signal.annotations()) {
                out.writeDouble(a.onsetSeconds());
                out.writeDouble(a.durationSeconds());
                text(out, a.text());
                out.writeLong(a.record());
            }
            out.writeInt(signal.recordStarts().size());
            for (double start : signal.recordStarts()) {
                out.writeDouble(start);
            }
            out.writeInt(signal.warnings().size());
            for (String w : signal.warnings()) {
                text(out, w);
            }
        }
        return bytes.toByteArray();
    }

    public static EdfAnnotationSignal decode(byte[] bytes) throws IOException {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int n = count(in, bytes.length / 28);
            List<EdfAnnotation> annotations = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                annotations.add(new EdfAnnotation(in.readDouble(), in.readDouble(), text(in), in.readLong()));
            }
            int records = count(in, bytes.length / 8);
            List<Double> starts = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                starts.add(in.readDouble());
            }
            int w = count(in, bytes.length / 4);
            List<String> warnings = new ArrayList<>(w);
            for (int i = 0; i < w; i++) {
                warnings.add(text(in));
            }
            return new EdfAnnotationSignal(annotations, starts, warnings);
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        out.writeInt(b.length);
        out.write(b);
    }

    private static String text(DataInputStream in) throws IOException {
        byte[] b = new byte[count(in, in.available())];
        in.readFully(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    /** A count that cannot be larger than the bytes left: a damaged section fails here, not with OutOfMemoryError. */
    private static int count(DataInputStream in, int max) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > max) {
            throw new IOException("index annotation section is damaged");
        }
        return n;
    }
}
