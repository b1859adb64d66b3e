package org.openionm.recording.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds an envelope index incrementally, from samples in the order they were recorded, so the same
 * code indexes a closed file (review) and a recording while it is written ({@link RecordingIndexer}). Memory stays bounded: the
 * finest level goes to disk block by block as every signal completes it; only the coarser levels
 * (1/7 of the finest) are held until {@link #finish}.
 *
 * <p>Not thread-safe: one writer.
 */
public final class EnvelopeBuilder implements AutoCloseable {

    private final Path target;
    private final Path temp;
    private final FileChannel out;
    private final int baseBin;
    private final int factor;
    private final int blockBins;
    private final SignalLevels[] signals;
    private long blocksWritten;
    private boolean finished;

    public EnvelopeBuilder(Path target, int signalCount, int baseBin, int factor, int blockBins) throws IOException {
        if (signalCount < 1 || baseBin < 1 || factor < 2 || blockBins < 1) {
            throw new IllegalArgumentException("bad index geometry: " + signalCount + " signals, bin " + baseBin
                    + ", factor " + factor + ", block " + blockBins);
        }
        this.target = target;
        this.temp = target.resolveSibling(target.getFileName() + ".part");
        this.baseBin = baseBin;
        this.factor = factor;
        this.blockBins = blockBins;
        this.signals = new SignalLevels[signalCount];
        for (int s = 0; s < signalCount; s++) {
            signals[s] = new SignalLevels();
        }
        out = FileChannel.open(temp, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                StandardOpenOption.WRITE);
        ByteBuffer head = ByteBuffer.allocate(IndexFormat.PREAMBLE_BYTES);
        head.put(IndexFormat.MAGIC).putInt(IndexFormat.VERSION).flip();
        writeFully(head, 0);
    }

    /** Adds consecutive physical samples of one signal. */
    public void add(int signal, float[] data, int offset, int length) throws IOException {
        SignalLevels s = signals[signal];
        for (int i = offset; i < offset + length; i++) {
            float v = data[i];
            if (v < s.binMin) {
                s.binMin = v;
            }
            if (v > s.binMax) {
                s.binMax = v;
            }
            s.samples++;
            if (++s.binCount == baseBin) {
                completeBaseBin(s);
            }
        }
        flushCompleteBlocks();
    }

    /**
     * Writes the rest, the recording's annotation signal (so the next open need not read it) and the
     * footer, then moves the index into place; the builder is closed.
     */
    public void finish(SourceIdentity source, org.openionm.io.edf.EdfAnnotationSignal annotations) throws IOException {
        for (SignalLevels s : signals) {
            if (s.binCount > 0) {
                completeBaseBin(s); // the last, partial bin still covers real samples
            }
            s.flushPartialUpperLevels(factor);
        }
        long blocks = 0;
        for (SignalLevels s : signals) {
            blocks = Math.max(blocks, ceilDiv(s.baseBins, blockBins));
        }
        while (blocksWritten < blocks) {
            writeBlock(); // the last blocks, padded with NaN where a signal has fewer bins
        }
        long position = IndexFormat.PREAMBLE_BYTES + blocksWritten * blockBytes();
        List<long[]> offsets = new ArrayList<>();
        for (SignalLevels s : signals) {
            long[] levelOffsets = new long[s.upper.size()];
            for (int level = 0; level < s.upper.size(); level++) {
                FloatList values = s.upper.get(level);
                levelOffsets[level] = position;
                ByteBuffer buffer = ByteBuffer.allocate(values.size * Float.BYTES);
                buffer.asFloatBuffer().put(values.data, 0, values.size);
                writeFully(buffer, position);
                position += buffer.capacity();
            }
            offsets.add(levelOffsets);
        }
        ByteBuffer annotationBytes = ByteBuffer.wrap(AnnotationSection.encode(annotations));
        long annotationsAt = position;
        writeFully(annotationBytes, position);
        position += annotationBytes.capacity();
        ByteBuffer footer = IndexFormat.footer(source, baseBin, factor, blockBins, blocksWritten, signals.length,
                s -> signals[s].samples, s -> signals[s].upperBins(), offsets, annotationsAt, annotationBytes.capacity());
        writeFully(footer, position);
        ByteBuffer tail = ByteBuffer.allocate(Long.BYTES).putLong(position).flip();
        writeFully(tail, position + footer.limit());
        out.force(true);
        out.close();
        finished = true;
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() throws IOException {
        if (!finished) {
            out.close();
            Files.deleteIfExists(temp);
        }
    }

    private void completeBaseBin(SignalLevels s) {
        if (s.block == null) {
            s.block = newBlock();
        }
        int at = s.blockFill * 2;
        s.block[at] = s.binMin;
        s.block[at + 1] = s.binMax;
        s.baseBins++;
        if (++s.blockFill == blockBins) {
            s.completeBlocks.add(s.block);
            s.block = null;
            s.blockFill = 0;
        }
        s.pushUpper(0, s.binMin, s.binMax, factor);
        s.binMin = Float.POSITIVE_INFINITY;
        s.binMax = Float.NEGATIVE_INFINITY;
        s.binCount = 0;
    }

    private void flushCompleteBlocks() throws IOException {
        while (true) {
            for (SignalLevels s : signals) {
                if (s.completeBlocks.isEmpty()) {
                    return;
                }
            }
            writeBlock();
        }
    }

    /** Writes the next block of every signal: its completed block, its partial one, or NaN. */
    private void writeBlock() throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) blockBytes());
        for (SignalLevels s : signals) {
            float[] block = s.completeBlocks.poll();
            if (block == null && s.block != null) {
                block = s.block;
                s.block = null;
                s.blockFill = 0;
            }
            if (block == null) {
                block = newBlock();
            }
            buffer.asFloatBuffer().put(block);
            buffer.position(buffer.position() + block.length * Float.BYTES);
        }
        buffer.flip();
        writeFully(buffer, IndexFormat.PREAMBLE_BYTES + blocksWritten * blockBytes());
        blocksWritten++;
    }

    private float[] newBlock() {
        float[] block = new float[blockBins * 2];
        Arrays.fill(block, Float.NaN);
        return block;
    }

    private long blockBytes() {
        return (long) signals.length * blockBins * 2 * Float.BYTES;
    }

    private void writeFully(ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            at += out.write(buffer, at);
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** One signal's running state: the current finest bin, its blocks, and the coarser levels. */
    private static final class SignalLevels {
        long samples;
        long baseBins;
        int binCount;
        float binMin = Float.POSITIVE_INFINITY;
        float binMax = Float.NEGATIVE_INFINITY;
        float[] block;
        int blockFill;
        final ArrayDeque<float[]> completeBlocks = new ArrayDeque<>();
        /** Levels 1, 2, …: completed (min, max) pairs. */
        final List<FloatList> upper = new ArrayList<>();
        /** Per upper level: the bin being accumulated from the level below. */
        final List<float[]> pending = new ArrayList<>(); // {min, max, count}

        /**
         * A completed bin of {@code level} goes into the bin being built one level up (index
         * {@code level} of {@link #upper}); while data flows every level that completes a bin gets
         * the next coarser one, so the top level holds at most a few bins.
         */
        void pushUpper(int level, float min, float max, int factor) {
            if (upper.size() == level) {
                upper.add(new FloatList());
                pending.add(new float[] {Float.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, 0});
            }
            float[] p = pending.get(level);
            p[0] = Math.min(p[0], min);
            p[1] = Math.max(p[1], max);
            if (++p[2] == factor) {
                complete(level, factor, true);
            }
        }

        private void complete(int up, int factor, boolean growLevels) {
            float[] p = pending.get(up);
            upper.get(up).add(p[0], p[1]);
            float min = p[0];
            float max = p[1];
            p[0] = Float.POSITIVE_INFINITY;
            p[1] = Float.NEGATIVE_INFINITY;
            p[2] = 0;
            if (growLevels || upper.size() > up + 1) {
                pushUpper(up + 1, min, max, factor);
            }
        }

        /** At the end: every level's partial bin still covers real samples; no new level for them. */
        void flushPartialUpperLevels(int factor) {
            for (int up = 0; up < pending.size(); up++) {
                if (pending.get(up)[2] > 0) {
                    complete(up, factor, false);
                }
            }
        }

        long[] upperBins() {
            long[] bins = new long[upper.size()];
            for (int i = 0; i < bins.length; i++) {
                bins[i] = upper.get(i).size / 2;
            }
            return bins;
        }
    }

    /** A growable float array (no boxing for millions of values). */
    static final class FloatList {
        float[] data = new float[64];
        int size;

        void add(float a, float b) {
            if (size + 2 > data.length) {
                data = Arrays.copyOf(data, data.length * 2);
            }
            data[size++] = a;
            data[size++] = b;
        }
    }
}
