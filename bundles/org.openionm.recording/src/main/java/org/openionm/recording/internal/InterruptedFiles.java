package org.openionm.recording.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.openionm.io.edf.EdfReader;
import org.openionm.recording.RecoveredRecording;
import org.openionm.recording.index.IndexFormat;

/**
 * The repair behind {@link org.openionm.recording.RecordingRecovery}. It reads the few header fields
 * it needs itself (record count, header size, samples per record of every signal) so that it can
 * judge a file EdfReader would refuse (count above what the file holds), patches only the record
 * count and the C/D letter, and lets EdfReader validate the result.
 * <p>
 * Order matters for a repair that is itself interrupted: the incomplete tail is cut first, then the
 * count is written. Cut but not counted still says -1 and is found again; the reverse (counted, tail
 * left) would look complete to the next scan and stay unreadable for strict readers.
 */
public final class InterruptedFiles {

    private static final int COUNT_OFFSET = 236;
    private static final int RESERVED_OFFSET = 192;

    private InterruptedFiles() {
    }

    public static List<RecoveredRecording> recoverFolder(Path folder) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
            for (Path p : stream) {
                String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                if ((name.endsWith(".edf") || name.endsWith(".bdf")) && Files.isRegularFile(p)) {
                    files.add(p);
                }
            }
        }
        files.sort(null);
        List<RecoveredRecording> found = new ArrayList<>();
        for (Path p : files) {
            recover(p).ifPresent(found::add);
        }
        return found;
    }

    public static Optional<RecoveredRecording> recover(Path file) throws IOException {
        String name = file.getFileName().toString();
        if (Files.size(file) == 0) {
            // created, then killed before its header was written: nothing in it to keep or to damage
            Files.delete(file);
            return Optional.of(new RecoveredRecording(file, true, true, 0, 0, 0, "Removed " + name
                    + " (interrupted recording): it was empty, interrupted before its header was written"));
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            Layout layout;
            try {
                layout = Layout.read(channel, size);
            } catch (IllegalArgumentException e) {
                return Optional.of(unrepaired(file, "not a readable EDF/BDF header (" + e.getMessage() + "); left as found"));
            }
            long available = (size - layout.headerBytes()) / layout.recordBytes();
            long tail = (size - layout.headerBytes()) % layout.recordBytes();
            boolean interrupted = layout.declared() == -1;
            boolean truncated = layout.declared() > available;
            if (!interrupted && !truncated) {
                return Optional.empty(); // complete: never touched
            }
            // the review index the recorder was building: never finished, so never used; review rebuilds it
            Files.deleteIfExists(file.resolveSibling(name + IndexFormat.SUFFIX + ".part"));
            if (available == 0) {
                channel.close();
                Files.delete(file);
                return Optional.of(new RecoveredRecording(file, true, true, 0, 0, tail, "Removed " + name + " ("
                        + (interrupted ? "interrupted recording" : "truncated file") + "): it held no complete data record"
                        + (tail > 0 ? ", only " + HumanText.bytes(tail) + " bytes of an incomplete one" : "")));
            }
            byte[] originalCount = read(channel, COUNT_OFFSET, 8);
            byte[] originalReserved = read(channel, RESERVED_OFFSET, 44);
            long keep = layout.headerBytes() + available * layout.recordBytes();
            channel.truncate(keep);
            write(channel, COUNT_OFFSET, field(Long.toString(available), 8));
            channel.force(true);
            String problem = validate(file);
            if (problem != null && layout.continuous()) {
                // a gap right before the crash: the writer had not yet rewritten the header as +D
                write(channel, RESERVED_OFFSET, field(layout.plusName() + "D", 44));
                channel.force(true);
                problem = validate(file);
                if (problem != null) {
                    write(channel, RESERVED_OFFSET, originalReserved);
                }
            }
            if (problem != null) {
                write(channel, COUNT_OFFSET, originalCount); // as found, minus the incomplete tail
                channel.force(true);
                return Optional.of(new RecoveredRecording(file, false, false, available, available * layout.recordSeconds(), tail,
                        "Could not repair " + name + ": " + problem));
            }
            double seconds = available * layout.recordSeconds();
            String why = interrupted ? "interrupted recording" : "truncated file: the header said " + layout.declared()
                    + " records";
            String message = "Recovered " + HumanText.duration(seconds) + " of " + name + " (" + why + ")"
                    + (tail > 0 ? "; " + HumanText.bytes(tail) + " bytes of an incomplete last record discarded" : "");
            return Optional.of(new RecoveredRecording(file, true, false, available, seconds, tail, message));
        }
    }

    private static RecoveredRecording unrepaired(Path file, String why) {
        return new RecoveredRecording(file, false, false, 0, 0, 0, "Could not repair " + file.getFileName() + ": " + why);
    }

    private static String validate(Path file) {
        try (EdfReader reader = EdfReader.open(file)) {
            reader.header();
            return null;
        } catch (IOException | RuntimeException e) {
            return e.getMessage();
        }
    }

    static byte[] read(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer, position + buffer.position()) < 0) {
                throw new IllegalArgumentException("file ends at byte " + (position + buffer.position()));
            }
        }
        return buffer.array();
    }

    private static void write(FileChannel channel, long position, byte[] bytes) throws IOException {
        ByteBuffer buffer = ByteBuffer.wrap(bytes);
        while (buffer.hasRemaining()) {
            channel.write(buffer, position + buffer.position());
        }
    }

    private static byte[] field(String text, int width) {
        return String.format(Locale.ROOT, "%-" + width + "s", text).getBytes(StandardCharsets.US_ASCII);
    }

    /** The header fields that decide where records are. */
    record Layout(int headerBytes, long declared, long recordBytes, double recordSeconds, String plusName,
            boolean continuous) {

        static Layout read(FileChannel channel, long size) throws IOException {
            if (size < 256) {
                throw new IllegalArgumentException("the file has " + size + " bytes, fewer than a 256-byte header");
            }
            byte[] h = InterruptedFiles.read(channel, 0, 256);
            boolean bdf = (h[0] & 0xFF) == 0xFF;
            if (!(bdf ? text(h, 1, 7).equals("BIOSEMI") : text(h, 0, 8).equals("0"))) {
                throw new IllegalArgumentException("no EDF or BDF version field");
            }
            int headerBytes = (int) number(h, 184, 8, "header bytes");
            long declared = number(h, COUNT_OFFSET, 8, "number of data records");
            double recordSeconds;
            try {
                recordSeconds = Double.parseDouble(text(h, 244, 8));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("duration of a data record is not a number");
            }
            int ns = (int) number(h, 252, 4, "number of signals");
            if (ns < 1 || headerBytes != 256L * (ns + 1) || headerBytes > size) {
                throw new IllegalArgumentException(ns + " signals, a header of " + headerBytes + " bytes and a file of "
                        + size + " bytes do not fit together");
            }
            byte[] samples = InterruptedFiles.read(channel, 256 + 216L * ns, 8 * ns);
            long recordBytes = 0;
            for (int i = 0; i < ns; i++) {
                long spr = number(samples, 8 * i, 8, "samples per record of signal " + (i + 1));
                if (spr < 1) {
                    throw new IllegalArgumentException("signal " + (i + 1) + " has " + spr + " samples per record");
                }
                recordBytes += spr * (bdf ? 3 : 2);
            }
            String reserved = text(h, RESERVED_OFFSET, 44);
            String plusName = bdf ? "BDF+" : "EDF+";
            return new Layout(headerBytes, declared, recordBytes, recordSeconds, plusName,
                    reserved.startsWith(plusName + "C"));
        }

        private static String text(byte[] h, int offset, int length) {
            return new String(h, offset, length, StandardCharsets.US_ASCII).strip();
        }

        private static long number(byte[] h, int offset, int length, String what) {
            try {
                return Long.parseLong(text(h, offset, length));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(what + " is not a whole number: '" + text(h, offset, length) + "'");
            }
        }
    }
}
