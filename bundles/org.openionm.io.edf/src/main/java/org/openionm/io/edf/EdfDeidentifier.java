package org.openionm.io.edf;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Copies an EDF/EDF+/BDF/BDF+ recording without what identifies the patient, for teaching, research
 * or a second opinion: the EDF+ patient field becomes {@code X X X X} (code, sex, birth date and name
 * unknown), the recording field keeps only the (shifted) start date and the equipment, the start date
 * moves back by a number of days (intervals and time of day are kept), and every given identifier
 * (names, MRN…) and every calendar date in an annotation text is replaced by {@code X}. The signal
 * bytes are copied unchanged — no sample is decoded or re-quantised. The copy is validated by
 * {@link EdfReader} before it takes its name.
 *
 * @since 0.3.0
 */
public final class EdfDeidentifier {

    /** Calendar dates as people write them: 2026-12-04, 04.12.2026, 4/12/26, 04-DEC-2026. */
    private static final Pattern DATES = Pattern.compile(
            "\\b(\\d{4}-\\d{1,2}-\\d{1,2}|\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}|\\d{1,2}-[A-Za-z]{3}-\\d{4})\\b");

    /**
     * @param dateShiftDays days every date moves back (choose it at random per export and keep it secret)
     * @param identifiers   texts to remove from annotations wherever they occur, ignoring case and
     *                      treating space, '_' and '^' alike (e.g. "Doe", "Jane", "MRN12345")
     */
    public record Spec(int dateShiftDays, List<String> identifiers) {
        public Spec {
            identifiers = List.copyOf(identifiers);
            for (String id : identifiers) {
                if (id.isBlank()) {
                    throw new IllegalArgumentException("an identifier to remove must not be blank");
                }
            }
        }
    }

    /**
     * @param start                the shifted start written to the copy
     * @param annotationsChanged   annotation texts in which something was replaced
     */
    public record Result(Path file, LocalDateTime start, int annotationsChanged) {
    }

    private EdfDeidentifier() {
    }

    /** Writes the de-identified copy of {@code source} to {@code target} (replaced if it exists). */
    public static Result copy(Path source, Path target, Spec spec) throws IOException {
        Objects.requireNonNull(spec, "spec");
        if (Files.isSameFile(source.toAbsolutePath().getParent(), target.toAbsolutePath().getParent())
                && source.getFileName().equals(target.getFileName())) {
            throw new IllegalArgumentException("the de-identified copy must not replace the recording itself: " + source);
        }
        Path part = target.resolveSibling(target.getFileName() + ".part");
        int changed = 0;
        LocalDateTime start;
        try (EdfReader reader = EdfReader.open(source);
                FileChannel in = FileChannel.open(source, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                        StandardOpenOption.WRITE)) {
            EdfHeader h = reader.header();
            start = h.start().withNano(0).minusDays(spec.dateShiftDays());
            byte[] header = read(in, 0, h.headerBytes());
            rewriteHeader(header, h, start);
            write(out, ByteBuffer.wrap(header), 0);
            List<int[]> spans = reader.annotationSpans();
            Scrubber scrubber = new Scrubber(spec.identifiers());
            long recordBytes = reader.recordBytes();
            int perPass = (int) Math.max(1, Math.min(h.recordCount(), (4L << 20) / recordBytes));
            for (long r = 0; r < h.recordCount(); r += perPass) {
                int n = (int) Math.min(perPass, h.recordCount() - r);
                long position = h.headerBytes() + r * recordBytes;
                byte[] records = read(in, position, (int) (n * recordBytes));
                for (int k = 0; k < n; k++) {
                    for (int[] span : spans) {
                        changed += scrubber.scrub(records, (int) (k * recordBytes) + span[0], span[1]);
                    }
                }
                write(out, ByteBuffer.wrap(records), position);
            }
            out.force(true);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        try (EdfReader check = EdfReader.open(part)) {
            check.header(); // a copy our own reader refuses is never handed out
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw new IOException("the de-identified copy of " + source + " does not validate: " + e.getMessage(), e);
        }
        Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(target, start, changed);
    }

    /**
     * A text (an event-log entry, a note) with the identifiers and calendar dates replaced by X, by the
     * same rules as the annotations of a copied recording.
     */
    public static String scrub(String text, List<String> identifiers) {
        return new Scrubber(identifiers).clean(text);
    }

    /**
     * The words that identify the patient in a recording's own header (EDF+ patient code and name, the
     * administration code and technologist of the recording field), to remove from its annotations too.
     */
    public static List<String> identifiersInHeader(EdfHeader header) {
        List<String> ids = new ArrayList<>();
        EdfRecordingInfo i = header.info();
        for (String value : new String[] {i.patientCode(), i.patientName(), i.adminCode(), i.technician()}) {
            if (value != null && !value.isBlank()) {
                ids.add(value);
                for (String word : value.split("[ _^,]+")) {
                    if (word.length() >= 2) {
                        ids.add(word);
                    }
                }
            }
        }
        return ids;
    }

    private static void rewriteHeader(byte[] header, EdfHeader h, LocalDateTime start) {
        if (h.plus()) {
            EdfText.put(header, 8, 80, "X X X X");
            String equipment = h.info().equipment() == null ? "X" : EdfText.subfield(h.info().equipment());
            EdfText.put(header, 88, 80, EdfText.fit("Startdate " + EdfText.date(start.getDayOfMonth(), start.getMonthValue(),
                    start.getYear()) + " X X " + equipment, 80));
        } else {
            EdfText.put(header, 8, 80, "X");
            EdfText.put(header, 88, 80, "X");
        }
        EdfText.put(header, 168, 8, String.format(Locale.ROOT, "%02d.%02d.%02d", start.getDayOfMonth(), start.getMonthValue(),
                Math.floorMod(start.getYear(), 100)));
    }

    private static byte[] read(FileChannel in, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = in.read(buffer, at);
            if (n < 0) {
                throw new IOException("the recording ends at byte " + at + " while it is copied (was it changed?)");
            }
            at += n;
        }
        return buffer.array();
    }

    private static void write(FileChannel out, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += out.write(buffer, at);
        }
    }

    /** Replaces identifiers and dates in the texts of the TALs of one annotation signal, in place. */
    static final class Scrubber {
        private final List<Pattern> identifiers = new ArrayList<>();

        Scrubber(List<String> ids) {
            for (String id : ids) {
                // "Doe Jane", "Doe_Jane" and "Doe^Jane" are the same name
                String[] words = id.strip().split("[ _^]+");
                String regex = String.join("[ _^]+", Arrays.stream(words).map(Pattern::quote).toList());
                identifiers.add(Pattern.compile(regex, Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE));
            }
        }

        /** @return the number of annotation texts changed */
        int scrub(byte[] b, int offset, int length) {
            int end = offset + length;
            int used = offset;
            while (used < end && b[used] != 0) {
                int talEnd = used;
                while (talEnd < end && b[talEnd] != 0) {
                    talEnd++;
                }
                used = talEnd + 1; // past this TAL's 0
            }
            used = Math.min(used, end);
            String tals = new String(b, offset, used - offset, StandardCharsets.UTF_8);
            StringBuilder rebuilt = new StringBuilder();
            int changed = 0;
            for (String tal : tals.split("\0", -1)) {
                if (tal.isEmpty()) {
                    continue;
                }
                String[] parts = tal.split("\u0014", -1);
                rebuilt.append(parts[0]); // onset and duration: never touched
                for (int i = 1; i < parts.length; i++) {
                    String text = clean(parts[i]);
                    changed += text.equals(parts[i]) ? 0 : 1;
                    rebuilt.append('\u0014').append(text);
                }
                rebuilt.append('\0');
            }
            if (changed == 0) {
                return 0;
            }
            byte[] bytes = rebuilt.toString().getBytes(StandardCharsets.UTF_8);
            // every replacement is one character for at least one, so the TALs shrink; only bytes that
            // were not UTF-8 (tolerated by the reader) could grow when decoded and encoded again
            if (bytes.length > length) {
                throw new IllegalStateException("an annotation with bytes that are not UTF-8 cannot be de-identified in"
                        + " place (at byte " + offset + " of its record block)");
            }
            System.arraycopy(bytes, 0, b, offset, bytes.length);
            Arrays.fill(b, offset + bytes.length, end, (byte) 0);
            return changed;
        }

        String clean(String text) {
            String result = DATES.matcher(text).replaceAll("X");
            for (Pattern id : identifiers) {
                result = id.matcher(result).replaceAll(Matcher.quoteReplacement("X"));
            }
            return result;
        }
    }
}
