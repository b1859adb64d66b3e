package org.openionm.review;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.DoubleConsumer;

import org.openionm.io.edf.EdfAnnotationSignal;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfSignal;
import org.openionm.recording.index.AnnotationSection;
import org.openionm.recording.index.EnvelopeBuilder;
import org.openionm.recording.index.IndexFormat;
import org.openionm.recording.index.SourceIdentity;

/**
 * A multi-resolution min/max index of a recording, so a view of any span — a few milliseconds or
 * the whole 8-hour case — reads at most a few thousand values per channel instead of every sample.
 * Level 0 holds the min and max of every {@value #BASE_BIN} samples, each further level of
 * {@value #FACTOR} bins of the one below. Spans finer than level 0 are read from the recording.
 *
 * <p>The workbench's recorder builds the index while it writes a segment (package
 * {@code org.openionm.recording.index}, which owns the file format), so a closed segment opens at
 * once. Any other file is indexed on first open (one pass over the file) and cached beside the
 * recording as {@code <file>.oidx} — or in the temporary directory when the recording's folder is read-only. A
 * cached index is used only when it was built from this very file (size, modification time and a
 * checksum of its header match); otherwise it is rebuilt.
 *
 * @since 0.2.0
 */
public final class EnvelopeIndex implements Closeable {

    public static final int BASE_BIN = IndexFormat.BASE_BIN;
    public static final int FACTOR = IndexFormat.FACTOR;
    static final int BLOCK_BINS = IndexFormat.BLOCK_BINS;
    private static final String SUFFIX = IndexFormat.SUFFIX;

    private final EdfReader recording;
    private final Path file;
    private final FileChannel channel;
    private final IndexFormat.Footer footer;
    private final boolean builtNow;
    /** Whether {@link #close} also closes the recording (opened by {@link #open(Path, DoubleConsumer)}). */
    private boolean ownsRecording;

    private EnvelopeIndex(EdfReader recording, Path file, FileChannel channel, IndexFormat.Footer footer, boolean builtNow) {
        this.recording = recording;
        this.file = file;
        this.channel = channel;
        this.footer = footer;
        this.builtNow = builtNow;
    }

    /**
     * Opens a recording for review with its index. With a matching cached index the recording's
     * annotation signal is not read again (it is in the index): an 8-hour file opens in the time of
     * its header. Otherwise the file is read in full and the index built. {@link #close} closes both.
     */
    public static EnvelopeIndex open(Path recording, DoubleConsumer progress) throws IOException {
        SourceIdentity source = SourceIdentity.of(recording);
        for (Path candidate : new Path[] {besideRecording(recording), inTemporaryDirectory(recording, source)}) {
            EdfAnnotationSignal known = cachedAnnotations(candidate, source);
            if (known == null) {
                continue;
            }
            EdfReader reader = null;
            try {
                reader = EdfReader.open(recording, known);
                EnvelopeIndex cached = openIfMatching(reader, candidate, source);
                if (cached != null) {
                    cached.ownsRecording = true;
                    return cached;
                }
            } catch (IOException stale) {
                // the index does not fit the file after all: read it in full below
            }
            if (reader != null) {
                reader.close();
            }
        }
        EdfReader reader = EdfReader.open(recording);
        try {
            EnvelopeIndex index = open(reader, progress);
            index.ownsRecording = true;
            return index;
        } catch (IOException | RuntimeException e) {
            reader.close();
            throw e;
        }
    }

    private static EdfAnnotationSignal cachedAnnotations(Path candidate, SourceIdentity source) {
        if (!Files.isRegularFile(candidate)) {
            return null;
        }
        try (FileChannel channel = FileChannel.open(candidate, StandardOpenOption.READ)) {
            IndexFormat.Footer footer = IndexFormat.read(channel);
            if (!footer.source().equals(source)) {
                return null;
            }
            ByteBuffer bytes = ByteBuffer.allocate(footer.annotationBytes());
            long at = footer.annotationsAt();
            while (bytes.hasRemaining()) {
                if (channel.read(bytes, at + bytes.position()) < 0) {
                    return null;
                }
            }
            return AnnotationSection.decode(bytes.array());
        } catch (IOException damaged) {
            return null;
        }
    }

    /** The recording this index describes (its header, annotations and raw samples). */
    public EdfReader recording() {
        return recording;
    }

    /**
     * The index of an open recording: the cached one if it matches the file, else built now.
     *
     * @param progress told the fraction done while building (0…1); not called for a cached index
     */
    public static EnvelopeIndex open(EdfReader recording, DoubleConsumer progress) throws IOException {
        SourceIdentity source = SourceIdentity.of(recording.path());
        for (Path candidate : new Path[] {besideRecording(recording.path()), inTemporaryDirectory(recording.path(), source)}) {
            EnvelopeIndex cached = openIfMatching(recording, candidate, source);
            if (cached != null) {
                return cached;
            }
        }
        Path target = besideRecording(recording.path());
        try {
            build(recording, target, source, progress);
        } catch (AccessDeniedException | java.nio.file.ReadOnlyFileSystemException e) {
            target = inTemporaryDirectory(recording.path(), source);
            build(recording, target, source, progress);
        } catch (FileSystemException e) {
            if (!Files.isWritable(target.getParent())) {
                target = inTemporaryDirectory(recording.path(), source);
                build(recording, target, source, progress);
            } else {
                throw e;
            }
        }
        EnvelopeIndex built = openIfMatching(recording, target, source);
        if (built == null) {
            throw new IOException("the index just built at " + target + " does not match " + recording.path()
                    + ": the recording changed while it was indexed");
        }
        return new EnvelopeIndex(recording, built.file, built.channel, built.footer, true);
    }

    /** Where the index of a recording is kept when its folder is writable. */
    public static Path besideRecording(Path recording) {
        return recording.resolveSibling(recording.getFileName() + SUFFIX);
    }

    private static Path inTemporaryDirectory(Path recording, SourceIdentity source) {
        return Path.of(System.getProperty("java.io.tmpdir"), "openionm-index",
                recording.getFileName() + "-" + Long.toHexString(source.headerCrc() ^ source.size()) + SUFFIX);
    }

    private static EnvelopeIndex openIfMatching(EdfReader recording, Path candidate, SourceIdentity source) throws IOException {
        if (!Files.isRegularFile(candidate)) {
            return null;
        }
        FileChannel channel = FileChannel.open(candidate, StandardOpenOption.READ);
        try {
            IndexFormat.Footer footer = IndexFormat.read(channel);
            if (footer.source().equals(source) && matchesSignals(footer, recording)) {
                return new EnvelopeIndex(recording, candidate, channel, footer, false);
            }
        } catch (IOException damaged) {
            // a damaged or foreign index is rebuilt, never trusted
        }
        channel.close();
        return null;
    }

    private static boolean matchesSignals(IndexFormat.Footer footer, EdfReader recording) {
        if (footer.signals() != recording.signals().size() || footer.baseBin() != BASE_BIN || footer.factor() != FACTOR) {
            return false;
        }
        for (int s = 0; s < footer.signals(); s++) {
            if (footer.samples()[s] != recording.sampleCount(s)) {
                return false;
            }
        }
        return true;
    }

    private static void build(EdfReader recording, Path target, SourceIdentity source, DoubleConsumer progress)
            throws IOException {
        Files.createDirectories(target.getParent());
        int signals = recording.signals().size();
        if (signals == 0) {
            throw new IOException(recording.path() + " has no data signals to index");
        }
        try (EnvelopeBuilder builder = new EnvelopeBuilder(target, signals, BASE_BIN, FACTOR, BLOCK_BINS)) {
            boolean equalRecords = recording.signals().stream().mapToInt(EdfSignal::samplesPerRecord).distinct().count() == 1;
            long records = recording.header().recordCount();
            // about a million samples per pass: large reads, bounded memory
            long perPass = Math.max(1, (1L << 20) / Math.max(1, recording.signals().stream()
                    .mapToLong(EdfSignal::samplesPerRecord).sum()));
            for (long r = 0; r < records; r += perPass) {
                long n = Math.min(perPass, records - r);
                if (equalRecords) {
                    int spr = recording.signals().get(0).samplesPerRecord();
                    float[][] data = recording.readPhysicalAll(r * spr, (int) (n * spr));
                    for (int s = 0; s < signals; s++) {
                        builder.add(s, data[s], 0, data[s].length);
                    }
                } else {
                    for (int s = 0; s < signals; s++) {
                        int spr = recording.signals().get(s).samplesPerRecord();
                        float[] data = recording.readPhysical(s, r * spr, (int) (n * spr));
                        builder.add(s, data, 0, data.length);
                    }
                }
                progress.accept((double) (r + n) / records);
            }
            builder.finish(source, recording.annotationSignal());
        }
    }

    /** The index file in use. */
    public Path file() {
        return file;
    }

    /** Whether this open built the index (false: the cached one matched). */
    public boolean builtNow() {
        return builtNow;
    }

    public int signals() {
        return footer.signals();
    }

    public long samples(int signal) {
        return footer.samples()[signal];
    }

    /** Levels of the index for a signal, level 0 included. */
    public int levels(int signal) {
        return 1 + footer.upperBins()[signal].length;
    }

    /** Samples per bin of a level. */
    public static long binSamples(int level) {
        long bin = BASE_BIN;
        for (int i = 0; i < level; i++) {
            bin *= FACTOR;
        }
        return bin;
    }

    /**
     * Min and max of a signal in each of {@code columns} equal parts of {@code [firstSample, endSample)},
     * from the coarsest level whose bins are no wider than a column, or from the raw samples when a
     * column holds fewer samples than a level-0 bin.
     */
    public Envelope envelope(int signal, long firstSample, long endSample, int columns) throws IOException {
        long first = Math.max(0, firstSample);
        long end = Math.min(samples(signal), endSample);
        if (columns < 1 || end <= first) {
            return new Envelope(first, Math.max(first, end), new float[0], new float[0], 1);
        }
        double perColumn = (double) (end - first) / columns;
        if (perColumn < BASE_BIN) {
            return fromRaw(recording.readPhysical(signal, first, (int) (end - first)), first, end, columns);
        }
        float[] min = new float[columns];
        float[] max = new float[columns];
        int level = 0;
        while (level + 1 < levels(signal) && binSamples(level + 1) <= perColumn) {
            level++;
        }
        long bin = binSamples(level);
        long firstBin = first / bin;
        long endBin = Math.min((end + bin - 1) / bin, binsOf(signal, level));
        float[] pairs = readBins(signal, level, firstBin, endBin);
        for (int c = 0; c < columns; c++) {
            long a = first + (long) Math.floor(c * perColumn);
            long b = Math.max(a + 1, first + (long) Math.floor((c + 1) * perColumn));
            int from = (int) (a / bin - firstBin);
            int to = (int) Math.min(endBin - firstBin, (b + bin - 1) / bin - firstBin);
            range(pairs, 2 * from, 2 * Math.max(to, from + 1), 2, min, max, c);
        }
        return new Envelope(first, end, min, max, (int) Math.min(Integer.MAX_VALUE, bin));
    }

    /**
     * Envelopes of every signal over the same span — what a review screen draws. A span finer than
     * level 0 is read from the recording in one pass over its records for all signals, not one pass
     * per signal. Needs signals of one rate (as OpenIONM records them); otherwise one signal at a time.
     */
    public Envelope[] envelopes(long firstSample, long endSample, int columns) throws IOException {
        Envelope[] all = new Envelope[signals()];
        long first = Math.max(0, firstSample);
        long end = Math.min(samples(0), endSample);
        boolean oneRate = java.util.stream.LongStream.of(footer.samples()).distinct().count() == 1;
        if (oneRate && columns >= 1 && end > first && (double) (end - first) / columns < BASE_BIN) {
            float[][] raw = recording.readPhysicalAll(first, (int) (end - first));
            for (int s = 0; s < all.length; s++) {
                all[s] = fromRaw(raw[s], first, end, columns);
            }
            return all;
        }
        for (int s = 0; s < all.length; s++) {
            all[s] = envelope(s, firstSample, endSample, columns);
        }
        return all;
    }

    private static Envelope fromRaw(float[] raw, long first, long end, int columns) {
        double perColumn = (double) (end - first) / columns;
        float[] min = new float[columns];
        float[] max = new float[columns];
        for (int c = 0; c < columns; c++) {
            int from = (int) Math.floor(c * perColumn);
            int to = Math.max(from + 1, (int) Math.floor((c + 1) * perColumn));
            range(raw, from, Math.min(to, raw.length), 1, min, max, c);
        }
        return new Envelope(first, end, min, max, 1);
    }

    /** min/max over values[from, to) with a stride (1: raw samples; 2: (min, max) pairs). */
    private static void range(float[] values, int from, int to, int stride, float[] min, float[] max, int column) {
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (int i = from; i < to && i < values.length; i += stride) {
            float a = values[i];
            float b = stride == 2 ? values[i + 1] : a;
            if (a < lo) {
                lo = a;
            }
            if (b > hi) {
                hi = b;
            }
        }
        min[column] = lo == Float.POSITIVE_INFINITY ? Float.NaN : lo;
        max[column] = hi == Float.NEGATIVE_INFINITY ? Float.NaN : hi;
    }

    private long binsOf(int signal, int level) {
        return level == 0 ? (samples(signal) + BASE_BIN - 1) / BASE_BIN : footer.upperBins()[signal][level - 1];
    }

    /** (min, max) pairs of bins [from, to) of a level. */
    private float[] readBins(int signal, int level, long from, long to) throws IOException {
        float[] pairs = new float[(int) (to - from) * 2];
        if (level > 0) {
            read(footer.upperOffsets()[signal][level - 1] + from * 8, pairs, 0, (int) (to - from));
            return pairs;
        }
        int blockBins = footer.blockBins();
        long blockBytes = (long) footer.signals() * blockBins * 8;
        long b = from;
        while (b < to) {
            long block = b / blockBins;
            int within = (int) (b % blockBins);
            int n = (int) Math.min(blockBins - within, to - b);
            long position = IndexFormat.PREAMBLE_BYTES + block * blockBytes + (long) signal * blockBins * 8 + within * 8L;
            read(position, pairs, (int) (b - from) * 2, n);
            b += n;
        }
        return pairs;
    }

    private void read(long position, float[] into, int offset, int bins) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(bins * 8);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException(file + " ends early: the index is damaged; delete it to rebuild");
            }
            at += n;
        }
        buffer.flip();
        FloatBuffer floats = buffer.asFloatBuffer();
        floats.get(into, offset, bins * 2);
    }

    /** Closes the index file, and the recording when this index opened it. */
    @Override
    public void close() throws IOException {
        try {
            channel.close();
        } finally {
            if (ownsRecording) {
                recording.close();
            }
        }
    }
}
