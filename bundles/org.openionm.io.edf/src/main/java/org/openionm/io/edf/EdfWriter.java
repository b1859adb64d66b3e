package org.openionm.io.edf;

import java.io.Closeable;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;

/**
 * Streams an acquisition into an EDF+ or BDF+ file (Kemp &amp; Olivan 2003), one data record at a time.
 * <p>
 * Choices, so that nothing in the file is invented or lost silently:
 * <ul>
 * <li><b>Time.</b> The first block fixes file time 0 (its sample is {@code info.start()}); every
 * other time is {@code (sampleIndex - firstIndex) / rate} plus the sub-second part of the start,
 * written with 7 decimals (100 ns), enough to identify a sample up to 100 kHz.</li>
 * <li><b>Range.</b> Each signal's physical range is its channel's rails, rounded outward to fit the
 * 8-character fields; the scaling is computed from the text actually written.</li>
 * <li><b>Out of range.</b> A sample beyond the range is written at the digital extreme (NaN as 0),
 * counted in {@link #warnings()} and annotated "OUT OF RANGE ch &lt;label&gt;: n samples clamped";
 * clamped samples of one channel less than a second apart share one annotation, so electrocautery
 * cannot flood the annotation signal.</li>
 * <li><b>Gaps.</b> A {@link DataGap} makes the file EDF+D and is annotated "DATA GAP: reason". A data
 * record cannot be partial, so when a gap starts inside a record the record is completed with the
 * digital value of 0 and annotated "NO DATA (padding): reason" covering exactly the padded samples
 * (up to the record's end, or the gap's end if sooner); the next record starts at the time of the
 * first sample after the gap, so its time-keeping TAL jumps. The last partial record at
 * {@link #close()} is padded and annotated the same way. The playback driver skips padded spans.</li>
 * <li><b>Annotations.</b> A record holds as many TALs as fit in its annotation signal; the rest are
 * carried to the following records (onsets are absolute, so they stay exact). If annotations are
 * still waiting at close, padded records are appended to hold them. A text too long for one record
 * is truncated, with a warning. {@link Annotation.Kind#GROUND_TRUTH} is stored with the prefix
 * "TRUTH ".</li>
 * </ul>
 * Not thread-safe: one recorder thread calls it.
 */
public final class EdfWriter implements Closeable {

    public static final String OUT_OF_RANGE_PREFIX = "OUT OF RANGE";
    public static final String PADDING_PREFIX = "NO DATA (padding)";
    public static final String GAP_PREFIX = "DATA GAP";
    public static final String TRUTH_PREFIX = "TRUTH ";
    /** EDF+ recommends data records of at most this many bytes. */
    public static final int RECOMMENDED_MAX_RECORD_BYTES = 61440;

    /** EDFlib refuses larger records (10 MiB in EDF); no reader should get one from us. */
    private static final int MAX_RECORD_BYTES = 10 * 1024 * 1024;
    /** Clamped samples of one channel closer together than this share one annotation. */
    private static final double EPISODE_MERGE_SECONDS = 1.0;
    /** Annotation bytes per record kept free for the time-keeping TAL (24) and one padding TAL (96). */
    private static final int RESERVED_TAL_BYTES = 24 + 96;
    /** Onset ("+123456.1234567"), duration and separators around a text. */
    private static final int TAL_OVERHEAD_BYTES = 45;
    private static final int MAX_WARNINGS = 200;

    private final Path file;
    private FileChannel out; // opened by create() once every setting was accepted
    private final EdfFormat format;
    private final EdfRecordingInfo info;
    private final List<Channel> channels;
    private final List<EdfSignal> signals;
    private final int[] sourceIndex;
    private final double[] physMin;
    private final double[] physMax;
    private final double[] inverseGain;
    private final int[] zeroDigital;
    private final int samplesPerRecord;
    private final double rate;
    private final BigDecimal rateDecimal;
    private final BigDecimal subsecond;
    private final String durationText;
    private final String patientField;
    private final String recordingField;
    private final String prefiltering;
    private final int bytesPerSample;
    private final int annotationOffset;
    private final int annotationBytes;
    private final int recordBytes;
    private final int headerBytes;
    private final byte[] record;
    private final ByteBuffer pendingOutput;

    private final Deque<PendingTal> pending = new ArrayDeque<>();
    private final List<String> warnings = new ArrayList<>();
    private final OutOfRangeEpisodes outOfRange;

    private long origin = -1;
    private long next = -1;
    private long recordFirstIndex;
    private int fill;
    private long records;
    private long dataPosition;
    private boolean discontinuous;
    private boolean closed;
    private int suppressedWarnings;

    private EdfWriter(Path file, EdfFormat format, EdfRecordingInfo info, List<Channel> channels,
            String prefiltering, int samplesPerRecord) {
        this.file = file;
        this.format = format;
        this.info = info;
        this.channels = List.copyOf(channels);
        this.samplesPerRecord = samplesPerRecord;
        this.rate = channels.get(0).samplingRateHz();
        this.rateDecimal = BigDecimal.valueOf(rate);
        this.durationText = durationText(samplesPerRecord, rate);
        this.bytesPerSample = format.bytesPerSample();
        this.prefiltering = field(EdfText.ascii(prefiltering).strip(), 80, "prefiltering");
        this.patientField = EdfHeaderBytes.patientField(info, this::warn);
        this.recordingField = EdfHeaderBytes.recordingField(info, this::warn);
        int nano = info.start().getNano();
        this.subsecond = BigDecimal.valueOf(Math.min(9_999_999, (nano + 50) / 100), 7);
        int n = channels.size();
        this.sourceIndex = new int[n];
        this.physMin = new double[n];
        this.physMax = new double[n];
        this.inverseGain = new double[n];
        this.zeroDigital = new int[n];
        List<EdfSignal> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Channel c = channels.get(i);
            String label = field(EdfText.ascii(c.label()).strip(), 16, "label of " + c.label());
            if (label.equals("EDF Annotations") || label.equals("BDF Annotations")) {
                throw new IllegalArgumentException("a data channel cannot be labelled '" + label + "'");
            }
            String unit = field(EdfText.ascii(c.unit()).strip(), 8, "unit of " + c.label());
            double max = Double.parseDouble(EdfText.number8(c.physicalMax(), RoundingMode.CEILING));
            double min = Double.parseDouble(EdfText.number8(c.physicalMin(), RoundingMode.FLOOR));
            EdfSignal s = new EdfSignal(i, label, "", unit, min, max, format.digitalMin(), format.digitalMax(),
                    this.prefiltering, samplesPerRecord, rate);
            list.add(s);
            sourceIndex[i] = c.index();
            physMin[i] = min;
            physMax[i] = max;
            inverseGain[i] = 1 / s.gain();
            zeroDigital[i] = digital(i, 0);
        }
        this.signals = List.copyOf(list);
        double duration = samplesPerRecord / rate;
        int annotationTarget = Math.max(512, (int) Math.ceil(duration * 2000) + 128);
        int annotationSamples = (annotationTarget + bytesPerSample - 1) / bytesPerSample;
        this.annotationBytes = annotationSamples * bytesPerSample;
        this.annotationOffset = n * samplesPerRecord * bytesPerSample;
        long size = (long) annotationOffset + annotationBytes;
        if (size > MAX_RECORD_BYTES) {
            throw new IllegalArgumentException("a data record of " + size + " bytes is too large for EDF readers; use fewer"
                    + " samples per record than " + samplesPerRecord);
        }
        this.recordBytes = (int) size;
        if (recordBytes > RECOMMENDED_MAX_RECORD_BYTES) {
            warn("data record of " + recordBytes + " bytes is larger than the " + RECOMMENDED_MAX_RECORD_BYTES
                    + " bytes EDF+ recommends; some readers may refuse it");
        }
        this.headerBytes = 256 * (n + 2);
        this.record = new byte[recordBytes];
        int bufferRecords = Math.max(1, (1 << 20) / recordBytes);
        this.pendingOutput = ByteBuffer.allocate(bufferRecords * recordBytes);
        this.outOfRange = new OutOfRangeEpisodes(n, Math.max(1, Math.round(EPISODE_MERGE_SECONDS * rate)), this::annotate);
        this.dataPosition = headerBytes;
    }

    /**
     * Creates (or replaces) {@code file} and writes a header with record count -1, which readers
     * accept as "unfinished" if the recording is cut short.
     *
     * @param samplesPerRecord samples per data record per channel (all channels share one rate in
     *                         OpenIONM); samplesPerRecord / rate must have at most 7 decimals so the
     *                         record duration is written exactly (see {@link #recommendedSamplesPerRecord})
     * @throws IllegalArgumentException for channels of different rates, a range that does not fit the
     *                                  header, or a record duration that cannot be written exactly
     */
    public static EdfWriter create(Path file, EdfFormat format, EdfRecordingInfo info, List<Channel> channels,
            String prefiltering, int samplesPerRecord) throws IOException {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(info, "info");
        Objects.requireNonNull(prefiltering, "prefiltering");
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("an EDF file needs at least one channel");
        }
        checkOneRate(channels);
        if (samplesPerRecord < 1) {
            throw new IllegalArgumentException("samplesPerRecord must be >= 1, was " + samplesPerRecord);
        }
        if (channels.size() > 9998) {
            throw new IllegalArgumentException("EDF holds at most 9998 data signals, got " + channels.size());
        }
        // every setting is checked before the file is touched, so a refused call leaves an existing file alone
        EdfWriter writer = new EdfWriter(file, format, info, channels, prefiltering, samplesPerRecord);
        writer.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        try {
            writer.writeHeader(-1);
            return writer;
        } catch (IOException | RuntimeException e) {
            writer.out.close();
            throw e;
        }
    }

    /**
     * EDF when the 16-bit quantisation step ((physMax - physMin) / 65535, with the range as it would
     * be written and in microvolts) of every channel is at most {@code maxStepMicrovolts}, else BDF.
     */
    public static EdfFormat chooseFormat(List<Channel> channels, double maxStepMicrovolts) {
        for (Channel c : channels) {
            double max = Double.parseDouble(EdfText.number8(c.physicalMax(), RoundingMode.CEILING));
            double min = Double.parseDouble(EdfText.number8(c.physicalMin(), RoundingMode.FLOOR));
            double step = (max - min) * microvoltsPer(c.unit()) / 65535.0;
            if (step > maxStepMicrovolts) {
                return EdfFormat.BDF;
            }
        }
        return EdfFormat.EDF;
    }

    /**
     * Samples per record for records of a round duration (1 s, 0.5 s … 1 ms) that keep a record
     * within {@link #RECOMMENDED_MAX_RECORD_BYTES} when possible, else the shortest such duration.
     *
     * @throws IllegalArgumentException when no such duration gives a whole number of samples
     */
    public static int recommendedSamplesPerRecord(double samplingRateHz, int channelCount, EdfFormat format) {
        double[] durations = { 1, 0.5, 0.25, 0.2, 0.1, 0.05, 0.04, 0.025, 0.02, 0.01, 0.005, 0.004, 0.002, 0.001 };
        int fallback = -1;
        for (double d : durations) {
            double samples = samplingRateHz * d;
            long whole = Math.round(samples);
            if (whole < 1 || Math.abs(samples - whole) > 1e-9 * Math.max(1, samples)) {
                continue;
            }
            long bytes = whole * channelCount * format.bytesPerSample() + Math.max(512, (long) Math.ceil(d * 2000) + 128);
            if (bytes <= RECOMMENDED_MAX_RECORD_BYTES) {
                return (int) whole;
            }
            fallback = (int) whole;
        }
        if (fallback > 0) {
            return fallback;
        }
        throw new IllegalArgumentException("no record duration between 1 ms and 1 s holds a whole number of samples at "
                + samplingRateHz + " Hz");
    }

    /** Writes a block; blocks arrive in sample order, any size. A jump forward is treated as a gap. */
    public void write(SampleBlock block) throws IOException {
        ensureOpen();
        for (int index : sourceIndex) {
            if (index >= block.channelCount()) {
                throw new IllegalArgumentException("channel index " + index + " is not in a block of "
                        + block.channelCount() + " channels");
            }
        }
        if (origin < 0) {
            origin = block.firstSampleIndex();
            next = origin;
        }
        if (block.firstSampleIndex() < next) {
            throw new IllegalArgumentException("block starts at sample " + block.firstSampleIndex()
                    + " but samples up to " + (next - 1) + " were already written");
        }
        if (block.firstSampleIndex() > next) {
            warn((block.firstSampleIndex() - next) + " samples missing at " + seconds(next)
                    + " s without a DataGap; recorded as a gap");
            missing(block.firstSampleIndex() - next, "samples missing (no gap reported)");
        }
        int n = block.sampleCount();
        int position = 0;
        while (position < n) {
            if (fill == 0) {
                recordFirstIndex = next;
            }
            int take = Math.min(samplesPerRecord - fill, n - position);
            for (int s = 0; s < sourceIndex.length; s++) {
                encode(s, block.channel(sourceIndex[s]), position, take);
            }
            fill += take;
            position += take;
            next += take;
            if (fill == samplesPerRecord) {
                finishRecord();
            }
        }
        drain();
    }

    /** Records samples that will never arrive; the file becomes EDF+D (see the class comment). */
    public void gap(DataGap gap) throws IOException {
        ensureOpen();
        if (origin < 0) {
            warn("gap before the first sample ignored: " + gap.reason());
            return;
        }
        if (gap.firstMissingSampleIndex() < next) {
            throw new IllegalArgumentException("gap starts at sample " + gap.firstMissingSampleIndex()
                    + " but samples up to " + (next - 1) + " were already written");
        }
        missing(gap.endSampleIndex() - next, gap.reason());
        drain();
    }

    /** Stores the stimulus as a TAL at its sample, text from {@link StimulusAnnotations#format}. */
    public void stimulus(StimulusEvent e) throws IOException {
        ensureOpen();
        enqueue(e.sampleIndex(), 0, StimulusAnnotations.format(e));
    }

    /** Stores the annotation as a TAL (UTF-8 text; ground truth prefixed "TRUTH "). */
    public void annotation(Annotation a) throws IOException {
        ensureOpen();
        String text = a.text();
        if (a.kind() == Annotation.Kind.GROUND_TRUTH && !text.startsWith(TRUTH_PREFIX)) {
            text = TRUTH_PREFIX + text;
        }
        enqueue(a.sampleIndex(), a.durationSeconds(), text);
    }

    /** Writes completed records and forces them to disk (the header keeps record count -1 until close). */
    public void flush() throws IOException {
        ensureOpen();
        drain();
        writeHeader(-1);
        out.force(false);
    }

    /** Human-readable problems: settings that could not be honoured, clamped samples per channel. */
    public List<String> warnings() {
        List<String> list = new ArrayList<>(warnings);
        if (suppressedWarnings > 0) {
            list.add(suppressedWarnings + " more warnings not listed");
        }
        for (int s = 0; s < channels.size(); s++) {
            long clamped = outOfRange.clampedTotal(s);
            long nan = outOfRange.nanTotal(s);
            if (clamped + nan > 0) {
                list.add(channels.get(s).label() + ": " + clamped + " samples beyond [" + physMin[s] + ", "
                        + physMax[s] + "] " + signals.get(s).physicalDimension() + " written at the rail"
                        + (nan > 0 ? ", " + nan + " not-a-number samples written as 0" : "")
                        + " (first at " + seconds(outOfRange.firstIndex(s)) + " s); annotated in the file");
            }
        }
        return List.copyOf(list);
    }

    public long recordsWritten() {
        return records;
    }

    /** Samples written at a rail or as 0 because they were out of range or not a number, all channels. */
    public long clampedSamples() {
        long total = 0;
        for (int s = 0; s < channels.size(); s++) {
            total += outOfRange.clampedTotal(s) + outOfRange.nanTotal(s);
        }
        return total;
    }

    /** The signal headers as written (ranges after 8-character rounding, scaling, rate). */
    public List<EdfSignal> signals() {
        return signals;
    }

    public EdfFormat format() {
        return format;
    }

    public Path file() {
        return file;
    }

    /** Bytes of one data record, annotation signal included. */
    public int recordBytes() {
        return recordBytes;
    }

    /** Completes the last record (padded and annotated), writes waiting annotations and the record count. */
    @Override
    public void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (origin < 0) {
                if (pending.isEmpty()) {
                    writeHeader(0);
                    return;
                }
                origin = pending.stream().mapToLong(PendingTal::index).min().getAsLong();
                next = origin;
            }
            outOfRange.endAll();
            if (fill > 0) {
                pad(samplesPerRecord - fill, "end of recording");
                finishRecord();
            }
            while (!pending.isEmpty()) {
                recordFirstIndex = next;
                long at = next;
                padSamples(samplesPerRecord);
                // first in the record, so every added record carries its own explanation and progress is certain
                pending.addFirst(new PendingTal(at, samplesPerRecord / rate, PADDING_PREFIX + ": annotation overflow"));
                finishRecord();
            }
            drain();
            writeHeader(records);
            out.force(true);
        } finally {
            out.close();
        }
    }

    // ---------------------------------------------------------------------------------------------

    private void missing(long count, String reason) throws IOException {
        discontinuous = true;
        enqueue(next, count / rate, GAP_PREFIX + ": " + reason + " (" + count + " samples)");
        long left = count;
        if (fill > 0) {
            int padded = (int) Math.min(left, samplesPerRecord - fill);
            pad(padded, reason);
            left -= padded;
            if (fill == samplesPerRecord) {
                finishRecord();
            }
        }
        next += left; // the next record starts here: its time-keeping TAL jumps
    }

    /** Pads the current record with {@code count} samples of 0 and annotates exactly that span. */
    private void pad(int count, String reason) {
        enqueue(next, count / rate, PADDING_PREFIX + ": " + reason);
        padSamples(count);
    }

    private void padSamples(int count) {
        for (int s = 0; s < sourceIndex.length; s++) {
            int offset = (s * samplesPerRecord + fill) * bytesPerSample;
            for (int i = 0; i < count; i++) {
                put(offset + i * bytesPerSample, zeroDigital[s]);
            }
        }
        fill += count;
        next += count;
    }

    private void encode(int s, float[] samples, int from, int count) {
        double min = physMin[s];
        double max = physMax[s];
        double inverse = inverseGain[s];
        int digitalMin = format.digitalMin();
        int digitalMax = format.digitalMax();
        int offset = (s * samplesPerRecord + fill) * bytesPerSample;
        long firstIndex = next;
        for (int i = 0; i < count; i++) {
            float x = samples[from + i];
            int d;
            if (x >= min && x <= max) {
                d = (int) Math.rint((x - min) * inverse) + digitalMin;
                if (d > digitalMax) { // rounding at the very top of the range
                    d = digitalMax;
                }
            } else {
                d = clamp(s, x, firstIndex + i);
            }
            put(offset + i * bytesPerSample, d);
        }
    }

    private int clamp(int s, float x, long index) {
        boolean nan = Float.isNaN(x);
        outOfRange.add(s, index, nan);
        return nan ? zeroDigital[s] : x > physMax[s] ? format.digitalMax() : format.digitalMin();
    }

    private void annotate(OutOfRangeEpisodes.Episode e) {
        StringBuilder text = new StringBuilder(OUT_OF_RANGE_PREFIX).append(" ch ").append(channels.get(e.channel()).label())
                .append(": ").append(e.clamped()).append(" samples clamped");
        if (e.nan() > 0) {
            text.append(", ").append(e.nan()).append(" not-a-number samples written as 0");
        }
        enqueue(e.first(), (e.last() - e.first() + 1) / rate, text.toString());
    }

    private int digital(int s, double physical) {
        double d = Math.rint((physical - physMin[s]) * inverseGain[s]) + format.digitalMin();
        return (int) Math.max(format.digitalMin(), Math.min(format.digitalMax(), d));
    }

    private void put(int offset, int d) {
        record[offset] = (byte) d;
        record[offset + 1] = (byte) (d >> 8);
        if (bytesPerSample == 3) {
            record[offset + 2] = (byte) (d >> 16);
        }
    }

    private void finishRecord() throws IOException {
        outOfRange.endQuiet(next);
        int p = annotationOffset;
        int end = annotationOffset + annotationBytes;
        byte[] timeKeeping = (onset(recordFirstIndex) + "\u0014\u0014\u0000").getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(timeKeeping, 0, record, p, timeKeeping.length);
        p += timeKeeping.length;
        while (!pending.isEmpty()) {
            byte[] tal = tal(pending.peekFirst());
            if (p + tal.length > end) {
                break; // carried to the next record
            }
            System.arraycopy(tal, 0, record, p, tal.length);
            p += tal.length;
            pending.pollFirst();
        }
        Arrays.fill(record, p, end, (byte) 0);
        if (pendingOutput.remaining() < recordBytes) {
            drain();
        }
        pendingOutput.put(record);
        records++;
        fill = 0;
    }

    private byte[] tal(PendingTal t) {
        StringBuilder b = new StringBuilder(t.text().length() + 32).append(onset(t.index()));
        String duration = EdfText.seconds(BigDecimal.valueOf(t.durationSeconds()));
        if (!duration.equals("0")) {
            b.append('\u0015').append(duration);
        }
        b.append('\u0014').append(t.text()).append('\u0014').append('\u0000');
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** "+seconds" of a sample on the file's clock, 7 decimals. */
    private String onset(long index) {
        BigDecimal t = BigDecimal.valueOf(index - origin).divide(rateDecimal, 7, RoundingMode.HALF_EVEN).add(subsecond);
        String text = EdfText.seconds(t);
        return text.startsWith("-") ? text : "+" + text;
    }

    private void enqueue(long index, double durationSeconds, String text) {
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            clean.append(c < 32 || c == 127 ? ' ' : c); // 0x00, 0x14, 0x15 are TAL syntax
        }
        String value = clean.toString();
        int limit = annotationBytes - RESERVED_TAL_BYTES - TAL_OVERHEAD_BYTES;
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        if (utf8.length > limit) {
            int cut = limit;
            while (cut > 0 && (utf8[cut] & 0xC0) == 0x80) {
                cut--; // not inside a multi-byte character
            }
            value = new String(utf8, 0, cut, StandardCharsets.UTF_8);
            warn("annotation text truncated to " + cut + " bytes: " + value);
        }
        pending.addLast(new PendingTal(index, durationSeconds, value));
    }

    private void drain() throws IOException {
        pendingOutput.flip();
        while (pendingOutput.hasRemaining()) {
            dataPosition += out.write(pendingOutput, dataPosition);
        }
        pendingOutput.clear();
    }

    private void writeHeader(long recordCount) throws IOException {
        byte[] h = EdfHeaderBytes.compose(format, info.start(), patientField, recordingField, headerBytes,
                discontinuous, recordCount, durationText, signals, annotationBytes / bytesPerSample, samplesPerRecord);
        ByteBuffer buffer = ByteBuffer.wrap(h);
        long position = 0;
        while (buffer.hasRemaining()) {
            position += out.write(buffer, position);
        }
    }

    private String field(String value, int width, String what) {
        if (value.length() > width) {
            warn(what + " truncated to " + width + " characters: " + value.substring(0, width));
            return value.substring(0, width);
        }
        return value;
    }

    private static String durationText(int samplesPerRecord, double rate) {
        String text;
        try {
            BigDecimal d = BigDecimal.valueOf(samplesPerRecord).divide(BigDecimal.valueOf(rate), 7, RoundingMode.UNNECESSARY);
            text = EdfText.plain(d);
        } catch (ArithmeticException e) {
            text = null;
        }
        if (text == null || text.length() > 8 || text.equals("0")) {
            String hint;
            try {
                hint = "; e.g. " + recommendedSamplesPerRecord(rate, 1, EdfFormat.EDF);
            } catch (IllegalArgumentException e) {
                hint = "";
            }
            throw new IllegalArgumentException(samplesPerRecord + " samples per record at " + rate
                    + " Hz give a record duration that the 8-character header field cannot hold exactly" + hint);
        }
        return text;
    }

    private static void checkOneRate(List<Channel> channels) {
        double first = channels.get(0).samplingRateHz();
        for (Channel c : channels) {
            if (c.samplingRateHz() != first) {
                throw new IllegalArgumentException("all channels must share one sampling rate: " + channels.get(0).label()
                        + " has " + first + " Hz, " + c.label() + " has " + c.samplingRateHz() + " Hz");
            }
        }
    }

    static double microvoltsPer(String unit) {
        String u = unit == null ? "" : unit.strip();
        return switch (u) {
            case "V" -> 1e6;
            case "mV" -> 1e3;
            case "nV" -> 1e-3;
            default -> 1;
        };
    }

    private String seconds(long index) {
        return String.format(Locale.ROOT, "%.4f", (index - Math.max(0, origin)) / rate);
    }

    private void warn(String text) {
        if (warnings.size() < MAX_WARNINGS) {
            warnings.add(text);
        } else {
            suppressedWarnings++;
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("EDF writer for " + file + " is closed");
        }
    }

    private record PendingTal(long index, double durationSeconds, String text) {
    }
}
