package org.openionm.io.edf;

import static org.openionm.io.edf.EdfHeaderFields.ascii;
import static org.openionm.io.edf.EdfHeaderFields.checkAscii;
import static org.openionm.io.edf.EdfHeaderFields.decimal;
import static org.openionm.io.edf.EdfHeaderFields.integer;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads EDF, EDF+, BDF and BDF+ files after validating every header field and every TAL.
 * <p>
 * Hostile files are expected: nothing is allocated from a header count before it is checked
 * against the file size, every loop is bounded by the bytes actually present, and a malformed file
 * is rejected with an {@link EdfFormatException} naming the field and the byte offset. The one
 * tolerated defect is the record count -1 of a recording that was never closed: the count is then
 * derived from the file size and a warning is recorded.
 */
public final class EdfReader implements Closeable {

    /** Larger records are refused: no EDF writer makes them and they would need a large buffer. */
    static final long MAX_RECORD_BYTES = 64L * 1024 * 1024;

    private static final Pattern DATE = Pattern.compile("\\d\\d\\.\\d\\d\\.\\d\\d");
    private static final Pattern PLUS_DATE = Pattern.compile("(\\d\\d)-([A-Za-z]{3})-(\\d{4})");

    private final Path path;
    private final FileChannel channel;
    private final long fileSize;
    private final List<String> warnings = new ArrayList<>();
    private EdfFormat format;
    private EdfHeader header;
    private int headerBytes;
    private long recordBytes;
    private long recordCount;
    private double recordDuration;
    private int[] dataFileIndex;
    private long[] signalOffset;
    private List<EdfSignal> signals;
    private List<EdfAnnotation> annotations = List.of();
    private List<Double> recordStarts;
    private EdfAnnotationSignal known;

    private EdfReader(Path path, FileChannel channel) throws IOException {
        this.path = path;
        this.channel = channel;
        this.fileSize = channel.size();
    }

    /**
     * Opens and validates a file, reading all annotations.
     *
     * @throws EdfFormatException for a malformed file
     */
    public static EdfReader open(Path file) throws IOException {
        return open(file, null);
    }

    /**
     * Opens a file whose annotation signal was read before ({@link #annotationSignal()} of an earlier
     * reader of the same, unchanged file): the header is read and validated as always, the annotation
     * signal is not read again. The caller vouches that the file is the one {@code known} came from
     * (a review index checks size, modification time and header checksum); a record count that does
     * not match is refused.
     *
     * @param known null to read the annotation signal
     * @throws EdfFormatException for a malformed header, or {@code known} that does not fit the file
     * @since 0.3.0
     */
    public static EdfReader open(Path file, EdfAnnotationSignal known) throws IOException {
        FileChannel channel = FileChannel.open(file, StandardOpenOption.READ);
        try {
            EdfReader reader = new EdfReader(file, channel);
            reader.known = known;
            reader.parse();
            return reader;
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public EdfHeader header() {
        return header;
    }

    /** Data signals only (annotation signals are read into {@link #annotations()}). */
    public List<EdfSignal> signals() {
        return signals;
    }

    /** Every TAL annotation except the time-keeping ones, ordered by onset. */
    public List<EdfAnnotation> annotations() {
        return annotations;
    }

    /** Start of each data record in seconds after the header's start second (EDF+D may jump). */
    public List<Double> recordStartSeconds() {
        return recordStarts;
    }

    /**
     * The annotations, record starts and tolerated defects, to open the same file again without
     * reading its annotation signal ({@link #open(Path, EdfAnnotationSignal)}).
     *
     * @since 0.3.0
     */
    public EdfAnnotationSignal annotationSignal() {
        return new EdfAnnotationSignal(annotations, recordStarts, warnings);
    }

    /** Defects tolerated while reading (record count -1, trailing bytes, invalid UTF-8 in a text). */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }

    public Path path() {
        return path;
    }

    /** Samples of a data signal stored in the file (EDF+D gaps are not counted). */
    public long sampleCount(int signal) {
        return recordCount * signals.get(signal).samplesPerRecord();
    }

    /**
     * Sample index on the acquisition clock for a time in seconds after the header's start second:
     * {@code round((seconds - start of the first record) * rate)}; in EDF+D it counts the samples
     * missing in gaps. Needs all data signals to share one rate.
     */
    public long sampleIndexAt(double seconds) {
        double t0 = recordStarts.isEmpty() ? 0 : recordStarts.get(0);
        return Math.round((seconds - t0) * commonRate());
    }

    /** The sampling rate all data signals share. */
    public double commonRate() {
        if (signals.isEmpty()) {
            throw new IllegalStateException(path + " has no data signals");
        }
        double rate = signals.get(0).samplingRateHz();
        for (EdfSignal s : signals) {
            if (s.samplingRateHz() != rate) {
                throw new IllegalStateException("signals of " + path + " have different rates: " + signals.get(0).label()
                        + " " + rate + " Hz, " + s.label() + " " + s.samplingRateHz() + " Hz");
            }
        }
        return rate;
    }

    /**
     * Physical values of {@code count} stored samples of a data signal from {@code firstSample}.
     *
     * @throws IndexOutOfBoundsException outside the stored samples
     */
    public float[] readPhysical(int signal, long firstSample, int count) throws IOException {
        EdfSignal s = signals.get(signal);
        checkRange(firstSample, count, sampleCount(signal));
        float[] result = new float[count];
        int spr = s.samplesPerRecord();
        int bps = format.bytesPerSample();
        ByteBuffer buffer = ByteBuffer.allocate(Math.min(count, spr) * bps);
        long record = firstSample / spr;
        int within = (int) (firstSample % spr);
        int done = 0;
        while (done < count) {
            int take = Math.min(spr - within, count - done);
            buffer.clear().limit(take * bps);
            long position = headerBytes + record * recordBytes + signalOffset[dataFileIndex[signal]] + (long) within * bps;
            readFully(buffer, position, record);
            decode(buffer.array(), 0, take, s, result, done);
            done += take;
            record++;
            within = 0;
        }
        return result;
    }

    /**
     * Physical values of every data signal, {@code [signal][sample]}, read record by record in one
     * pass (faster than one {@link #readPhysical} per signal). Needs equal samples per record.
     */
    public float[][] readPhysicalAll(long firstSample, int count) throws IOException {
        if (signals.isEmpty()) {
            return new float[0][];
        }
        int spr = signals.get(0).samplesPerRecord();
        for (EdfSignal s : signals) {
            if (s.samplesPerRecord() != spr) {
                throw new IllegalStateException("signals have different samples per record; use readPhysical");
            }
        }
        checkRange(firstSample, count, sampleCount(0));
        float[][] result = new float[signals.size()][count];
        if (count == 0) {
            return result;
        }
        long firstRecord = firstSample / spr;
        long lastRecord = (firstSample + count - 1) / spr;
        int perRead = (int) Math.max(1, Math.min(lastRecord - firstRecord + 1, (4L << 20) / recordBytes));
        ByteBuffer buffer = ByteBuffer.allocate((int) (perRead * recordBytes));
        int bps = format.bytesPerSample();
        for (long r = firstRecord; r <= lastRecord; r += perRead) {
            int n = (int) Math.min(perRead, lastRecord - r + 1);
            buffer.clear().limit((int) (n * recordBytes));
            readFully(buffer, headerBytes + r * recordBytes, r);
            for (int k = 0; k < n; k++) {
                long recordStartSample = (r + k) * spr;
                int from = (int) Math.max(0, firstSample - recordStartSample);
                int to = (int) Math.min(spr, firstSample + count - recordStartSample);
                int target = (int) (recordStartSample + from - firstSample);
                for (int s = 0; s < signals.size(); s++) {
                    int offset = (int) (k * recordBytes + signalOffset[dataFileIndex[s]]) + from * bps;
                    decode(buffer.array(), offset, to - from, signals.get(s), result[s], target);
                }
            }
        }
        return result;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    /** Bytes of one data record (every signal, annotations included). */
    long recordBytes() {
        return recordBytes;
    }

    /** {offset within a record, length} of every annotation signal, in file order. */
    List<int[]> annotationSpans() {
        List<int[]> spans = new ArrayList<>();
        java.util.Set<Integer> data = new java.util.HashSet<>();
        for (int i : dataFileIndex) {
            data.add(i);
        }
        for (int i = 0; i < signalOffset.length; i++) {
            if (!data.contains(i)) {
                long next = i + 1 < signalOffset.length ? signalOffset[i + 1] : recordBytes;
                spans.add(new int[] {(int) signalOffset[i], (int) (next - signalOffset[i])});
            }
        }
        return spans;
    }

    // ---------------------------------------------------------------------------------------------

    private static void checkRange(long first, int count, long available) {
        if (first < 0 || count < 0 || first + count > available) {
            throw new IndexOutOfBoundsException("samples " + first + ".." + (first + count) + " outside 0.." + available);
        }
    }

    private void decode(byte[] bytes, int offset, int count, EdfSignal s, float[] target, int at) {
        double gain = s.gain();
        double base = s.physicalMin() - s.digitalMin() * gain;
        if (format == EdfFormat.EDF) {
            for (int i = 0; i < count; i++) {
                int p = offset + 2 * i;
                int d = (short) ((bytes[p] & 0xFF) | (bytes[p + 1] << 8));
                target[at + i] = (float) (base + d * gain);
            }
        } else {
            for (int i = 0; i < count; i++) {
                int p = offset + 3 * i;
                int d = (bytes[p] & 0xFF) | ((bytes[p + 1] & 0xFF) << 8) | (bytes[p + 2] << 16);
                target[at + i] = (float) (base + d * gain);
            }
        }
    }

    private void readFully(ByteBuffer buffer, long position, long record) throws IOException {
        long p = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, p);
            if (n < 0) {
                throw new EdfFormatException("data record", p, "file ends inside data record " + record
                        + " (was it truncated after opening?)");
            }
            p += n;
        }
        buffer.flip();
    }

    private byte[] read(long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        readFully(buffer, position, -1);
        return buffer.array();
    }

    private void parse() throws IOException {
        if (fileSize < 256) {
            throw new EdfFormatException("header", fileSize, "file has " + fileSize
                    + " bytes, fewer than the 256-byte header (truncated or not EDF)");
        }
        byte[] h = read(0, 256);
        if ((h[0] & 0xFF) == 0xFF) {
            format = EdfFormat.BDF;
            checkAscii(h, 1, 255, 0, null);
            if (!ascii(h, 1, 7).equals("BIOSEMI")) {
                throw new EdfFormatException("version", 1, "BDF version must be 0xFF followed by BIOSEMI, found '"
                        + ascii(h, 1, 7) + "'");
            }
        } else {
            checkAscii(h, 0, 256, 0, null);
            if (!ascii(h, 0, 8).equals("0       ")) {
                throw new EdfFormatException("version", 0, "EDF version must be '0', found '" + ascii(h, 0, 8).strip() + "'");
            }
            format = EdfFormat.EDF;
        }
        String patient = ascii(h, 8, 80).strip();
        String recording = ascii(h, 88, 80).strip();
        String startDate = ascii(h, 168, 8);
        if (!DATE.matcher(startDate).matches()) {
            throw new EdfFormatException("startdate of recording", 168, "must be dd.mm.yy, found '" + startDate + "'");
        }
        String startTime = ascii(h, 176, 8);
        if (!DATE.matcher(startTime).matches()) {
            throw new EdfFormatException("starttime of recording", 176, "must be hh.mm.ss, found '" + startTime + "'");
        }
        headerBytes = (int) integer(h, 184, 8, "number of bytes in header record", 0, Integer.MAX_VALUE);
        String reserved = ascii(h, 192, 44).strip();
        long declaredRecords = integer(h, 236, 8, "number of data records", -1, Long.MAX_VALUE);
        recordDuration = decimal(h, 244, 8, "duration of a data record");
        if (recordDuration < 0) {
            throw new EdfFormatException("duration of a data record", 244, "must not be negative, found " + recordDuration);
        }
        int ns = (int) integer(h, 252, 4, "number of signals", 1, 9999);
        long needed = 256L * (ns + 1);
        if (needed > fileSize) {
            throw new EdfFormatException("number of signals", 252, ns + " signals need a " + needed
                    + "-byte header but the file has only " + fileSize + " bytes");
        }
        if (headerBytes != needed) {
            throw new EdfFormatException("number of bytes in header record", 184, "says " + headerBytes + " but "
                    + ns + " signals need 256 * (" + ns + " + 1) = " + needed);
        }
        String prefix = format == EdfFormat.EDF ? "EDF+" : "BDF+";
        boolean plus = reserved.startsWith(prefix + "C") || reserved.startsWith(prefix + "D");
        boolean continuous = !reserved.startsWith(prefix + "D");
        if (!plus && (reserved.startsWith("EDF+") || reserved.startsWith("BDF+"))) {
            throw new EdfFormatException("reserved", 192, "'" + reserved + "' does not match the "
                    + format + " version field (expected " + prefix + "C or " + prefix + "D)");
        }

        byte[] s = read(256, ns * 256);
        checkAscii(s, 0, s.length, 256, ns);
        int bps = format.bytesPerSample();
        List<EdfSignal> data = new ArrayList<>();
        List<Integer> dataIndex = new ArrayList<>();
        List<Integer> annotationIndex = new ArrayList<>();
        signalOffset = new long[ns];
        long size = 0;
        for (int i = 0; i < ns; i++) {
            String label = ascii(s, i * 16, 16).strip();
            String transducer = ascii(s, ns * 16 + i * 80, 80).strip();
            String dimension = ascii(s, ns * 96 + i * 8, 8).strip();
            String where = " of signal " + (i + 1) + " (" + label + ")";
            double physMin = decimal(s, ns * 104 + i * 8, 8, "physical minimum", 256, where);
            double physMax = decimal(s, ns * 112 + i * 8, 8, "physical maximum", 256, where);
            if (physMin == physMax) {
                throw new EdfFormatException("physical maximum", 256 + ns * 112 + i * 8, "equals the physical minimum "
                        + physMin + where);
            }
            long digMin = integer(s, ns * 120 + i * 8, 8, "digital minimum", 256, where, format.digitalMin(), format.digitalMax());
            long digMax = integer(s, ns * 128 + i * 8, 8, "digital maximum", 256, where, format.digitalMin(), format.digitalMax());
            if (digMax <= digMin) {
                throw new EdfFormatException("digital maximum", 256 + ns * 128 + i * 8, digMax
                        + " is not above the digital minimum " + digMin + where);
            }
            String prefilter = ascii(s, ns * 136 + i * 80, 80).strip();
            long spr = integer(s, ns * 216 + i * 8, 8, "nr of samples in each data record", 256, where, 1,
                    MAX_RECORD_BYTES / bps);
            signalOffset[i] = size;
            size += spr * bps;
            if (size > MAX_RECORD_BYTES) {
                throw new EdfFormatException("nr of samples in each data record", 256 + ns * 216 + i * 8,
                        "data records would be larger than " + MAX_RECORD_BYTES + " bytes" + where);
            }
            boolean annotation = plus && (label.equals("EDF Annotations") || label.equals("BDF Annotations"));
            if (annotation) {
                annotationIndex.add(i);
            } else {
                if (recordDuration <= 0) {
                    throw new EdfFormatException("duration of a data record", 244,
                            "must be positive in a file with ordinary signals");
                }
                data.add(new EdfSignal(data.size(), label, transducer, dimension, physMin, physMax, (int) digMin,
                        (int) digMax, prefilter, (int) spr, spr / recordDuration));
                dataIndex.add(i);
            }
        }
        if (plus && annotationIndex.isEmpty()) {
            throw new EdfFormatException("label", 256, reserved.substring(0, 5) + " file has no '" + format.annotationLabel()
                    + "' signal");
        }
        recordBytes = size;
        signals = List.copyOf(data);
        dataFileIndex = dataIndex.stream().mapToInt(Integer::intValue).toArray();

        long available = (fileSize - headerBytes) / recordBytes;
        long rest = (fileSize - headerBytes) % recordBytes;
        if (declaredRecords == -1) {
            recordCount = available;
            warnings.add("number of data records is -1 (recording not closed?); " + available
                    + " records derived from the file size" + (rest > 0 ? ", an incomplete last record of " + rest
                            + " bytes ignored" : ""));
        } else if (declaredRecords > available) {
            throw new EdfFormatException("number of data records", 236, "header says " + declaredRecords
                    + " records of " + recordBytes + " bytes but the file holds only " + available
                    + (rest > 0 ? " and " + rest + " bytes" : "") + " (truncated?)");
        } else {
            recordCount = declaredRecords;
            long extra = fileSize - headerBytes - recordCount * recordBytes;
            if (extra > 0) {
                warnings.add(extra + " bytes after the last data record ignored");
            }
        }

        recordStarts = new ArrayList<>();
        if (known != null) {
            if (known.recordStarts().size() != recordCount) {
                throw new EdfFormatException("number of data records", 236, "the file has " + recordCount
                        + " records but its saved annotation index describes " + known.recordStarts().size());
            }
            recordStarts.addAll(known.recordStarts());
            annotations = known.annotations();
            for (String w : known.warnings()) {
                if (!warnings.contains(w)) {
                    warnings.add(w);
                }
            }
        } else if (plus) {
            readAnnotations(s, ns, annotationIndex, continuous);
        } else {
            for (long r = 0; r < recordCount; r++) {
                recordStarts.add(r * recordDuration);
            }
        }
        recordStarts = Collections.unmodifiableList(recordStarts);

        LocalDateTime start = startDateTime(startDate, startTime, recording);
        double first = recordStarts.isEmpty() ? 0 : recordStarts.get(0);
        if (plus && first > 0 && first < 1) {
            start = start.plusNanos(Math.round(first * 1e9));
        }
        EdfRecordingInfo info = plus ? plusInfo(patient, recording, start) : new EdfRecordingInfo(null, null, null,
                null, null, null, null, start);
        header = new EdfHeader(format, plus, continuous, patient, recording, start, headerBytes, reserved, recordCount,
                recordDuration, signals, annotationIndex.size(), info);
    }

    private void readAnnotations(byte[] s, int ns, List<Integer> annotationIndex, boolean continuous)
            throws IOException {
        int bps = format.bytesPerSample();
        List<EdfAnnotation> list = new ArrayList<>();
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        // one read per record covering all annotation signals (usually one, at the end)
        int firstAnn = annotationIndex.get(0);
        int lastAnn = annotationIndex.get(annotationIndex.size() - 1);
        long from = signalOffset[firstAnn];
        long to = signalOffset[lastAnn] + (long) spr(s, ns, lastAnn) * bps;
        ByteBuffer buffer = ByteBuffer.allocate((int) (to - from));
        for (long r = 0; r < recordCount; r++) {
            long recordPosition = headerBytes + r * recordBytes;
            buffer.clear();
            readFully(buffer, recordPosition + from, r);
            byte[] bytes = buffer.array();
            boolean firstSignal = true;
            for (int a : annotationIndex) {
                int offset = (int) (signalOffset[a] - from);
                int length = spr(s, ns, a) * bps;
                long fileOffset = recordPosition + signalOffset[a];
                Double start = EdfTalParser.parse(bytes, offset, length, fileOffset, r, firstSignal, list, decoder, warnings::add);
                if (firstSignal) {
                    checkRecordStart(start, r, fileOffset, continuous);
                    recordStarts.add(start);
                }
                firstSignal = false;
            }
        }
        list.sort(Comparator.comparingDouble(EdfAnnotation::onsetSeconds));
        annotations = List.copyOf(list);
    }

    private void checkRecordStart(double start, long record, long offset, boolean continuous) throws EdfFormatException {
        if (record == 0) {
            return;
        }
        double previous = recordStarts.get((int) record - 1);
        if (continuous) {
            double expected = recordStarts.get(0) + record * recordDuration;
            if (Math.abs(start - expected) > 1e-6) {
                throw new EdfFormatException("EDF Annotations", offset, "record " + record + " of a continuous (+C) file"
                        + " starts at " + start + " s, expected " + expected + " s");
            }
        } else if (start < previous + recordDuration - 1e-7) {
            throw new EdfFormatException("EDF Annotations", offset, "record " + record + " starts at " + start
                    + " s, before the end of record " + (record - 1) + " (" + (previous + recordDuration) + " s)");
        }
    }

    private int spr(byte[] s, int ns, int signal) throws EdfFormatException {
        return (int) integer(s, ns * 216 + signal * 8, 8, "nr of samples in each data record", 256, "", 1,
                MAX_RECORD_BYTES);
    }

    private LocalDateTime startDateTime(String date, String time, String recording) throws EdfFormatException {
        int day = Integer.parseInt(date.substring(0, 2));
        int month = Integer.parseInt(date.substring(3, 5));
        int yy = Integer.parseInt(date.substring(6, 8));
        int year = yy >= 85 ? 1900 + yy : 2000 + yy;
        // EDF+ keeps the four-digit year in the recording field ("Startdate dd-MMM-yyyy")
        String[] parts = recording.split(" +");
        if (parts.length > 1 && parts[0].equals("Startdate")) {
            LocalDate plusDate = plusDate(parts[1]);
            if (plusDate != null && plusDate.getDayOfMonth() == day && plusDate.getMonthValue() == month
                    && plusDate.getYear() % 100 == yy) {
                year = plusDate.getYear();
            }
        }
        try {
            return LocalDateTime.of(year, month, day, Integer.parseInt(time.substring(0, 2)),
                    Integer.parseInt(time.substring(3, 5)), Integer.parseInt(time.substring(6, 8)));
        } catch (DateTimeException e) {
            boolean dateWrong = month < 1 || month > 12 || day < 1 || day > 31;
            try {
                LocalDate.of(year, month, day);
            } catch (DateTimeException e2) {
                dateWrong = true;
            }
            throw new EdfFormatException(dateWrong ? "startdate of recording" : "starttime of recording",
                    dateWrong ? 168 : 176, "invalid: " + e.getMessage());
        }
    }

    private static EdfRecordingInfo plusInfo(String patient, String recording, LocalDateTime start) {
        String[] p = patient.split(" +");
        String[] r = recording.split(" +");
        return new EdfRecordingInfo(EdfText.fromSubfield(at(p, 0)), EdfText.fromSubfield(at(p, 1)), plusDate(at(p, 2)),
                EdfText.fromSubfield(at(p, 3)), EdfText.fromSubfield(at(r, 2)), EdfText.fromSubfield(at(r, 3)),
                EdfText.fromSubfield(at(r, 4)), start);
    }

    private static String at(String[] parts, int i) {
        return i < parts.length ? parts[i] : null;
    }

    private static LocalDate plusDate(String text) {
        if (text == null) {
            return null;
        }
        var m = PLUS_DATE.matcher(text);
        if (!m.matches()) {
            return null;
        }
        int month = EdfText.month(m.group(2));
        try {
            return month == 0 ? null : LocalDate.of(Integer.parseInt(m.group(3)), month, Integer.parseInt(m.group(1)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
