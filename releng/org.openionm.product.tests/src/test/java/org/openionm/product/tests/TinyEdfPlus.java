package org.openionm.product.tests;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes a small EDF+C file by the EDF+ specification alone (not with OpenIONM's writer, so the product's
 * reader meets a file it did not write): one signal of 1 s records with a gain of exactly 1 µV per digital
 * unit (whole µV stay exact) and an "EDF Annotations" signal holding each record's time-keeping TAL and
 * the annotations whose onset lies in it.
 */
final class TinyEdfPlus {

    /** An annotation (this module compiles at source level 8: no records). */
    private static final class Note {
        final double onsetSeconds;
        final String text;

        Note(double onsetSeconds, String text) {
            this.onsetSeconds = onsetSeconds;
            this.text = text;
        }
    }

    private final String label;
    private final int rate;
    private final float[] samplesUv;
    private final List<Note> notes = new ArrayList<>();

    TinyEdfPlus(String label, int rate, float[] samplesUv) {
        if (samplesUv.length % rate != 0) {
            throw new IllegalArgumentException("whole 1 s records only");
        }
        this.label = label;
        this.rate = rate;
        this.samplesUv = samplesUv;
    }

    TinyEdfPlus annotate(double onsetSeconds, String text) {
        notes.add(new Note(onsetSeconds, text));
        return this;
    }

    void write(Path file) throws IOException {
        int records = samplesUv.length / rate;
        int annotationSamples = 128; // 256 bytes per record for TALs
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        field(out, "0", 8);
        field(out, "X X X X", 80);
        field(out, "Startdate 04-DEC-2026 X X X", 80);
        field(out, "04.12.26", 8);
        field(out, "00.00.00", 8);
        field(out, Integer.toString(256 * 3), 8);
        field(out, "EDF+C", 44);
        field(out, Integer.toString(records), 8);
        field(out, "1", 8);
        field(out, "2", 4);
        String[][] signals = {
                {label, "AgAgCl surface electrodes", "uV", "-32768", "32767", "-32768", "32767", "HP:DC LP:none", Integer.toString(rate)},
                {"EDF Annotations", "", "", "-1", "1", "-32768", "32767", "", Integer.toString(annotationSamples)}};
        int[] widths = {16, 80, 8, 8, 8, 8, 8, 80, 8};
        for (int f = 0; f < widths.length; f++) {
            for (String[] s : signals) {
                field(out, s[f], widths[f]);
            }
        }
        for (String[] s : signals) {
            field(out, "", 32);
        }
        for (int r = 0; r < records; r++) {
            ByteBuffer data = ByteBuffer.allocate(2 * rate).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < rate; i++) {
                data.putShort((short) Math.round(samplesUv[r * rate + i]));
            }
            out.write(data.array());
            byte[] tals = new byte[2 * annotationSamples];
            byte[] text = tals(r).getBytes(StandardCharsets.UTF_8);
            if (text.length > tals.length) {
                throw new IllegalArgumentException("too many annotations in record " + r);
            }
            System.arraycopy(text, 0, tals, 0, text.length);
            out.write(tals);
        }
        Files.write(file, out.toByteArray());
    }

    private String tals(int record) {
        StringBuilder b = new StringBuilder("+" + record + "\u0014\u0014\u0000");
        for (Note n : notes) {
            if (n.onsetSeconds >= record && n.onsetSeconds < record + 1) {
                b.append('+').append(String.format(Locale.ROOT, "%s", n.onsetSeconds)).append('\u0014').append(n.text)
                        .append("\u0014\u0000");
            }
        }
        return b.toString();
    }

    private static void field(ByteArrayOutputStream out, String value, int width) {
        byte[] b = value.getBytes(StandardCharsets.US_ASCII);
        if (b.length > width) {
            throw new IllegalArgumentException("'" + value + "' is longer than its " + width + "-byte field");
        }
        out.writeBytes(b);
        for (int i = b.length; i < width; i++) {
            out.write(' ');
        }
    }
}
