package org.openionm.recording.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToLongFunction;

/**
 * The index file: a preamble (magic, version), the finest level in blocks of {@code blockBins} bins
 * per signal (written while building), the coarser levels one after the other, a footer describing
 * it all, and the footer's offset in the last 8 bytes. Values are (min, max) float pairs, big-endian.
 * The footer comes last because the levels' sizes are known only when the recording ends.
 *
 * <p>Lives in the recording bundle (not in review, which reads it) because the recorder builds the
 * index while it writes the file ({@link RecordingIndexer}); review imports this package.
 */
public final class IndexFormat {

    static final byte[] MAGIC = "OIONMIX1".getBytes(StandardCharsets.US_ASCII);
    static final int VERSION = 2;
    public static final int PREAMBLE_BYTES = 16;
    /** Samples per bin of the finest level: what review and the recorder both build (one geometry, one file). */
    public static final int BASE_BIN = 256;
    /** Bins of a level per bin of the next coarser one. */
    public static final int FACTOR = 8;
    /** Finest-level bins per signal written together. */
    public static final int BLOCK_BINS = 4096;
    /** The index of {@code x.bdf} is {@code x.bdf.oidx} beside it. */
    public static final String SUFFIX = ".oidx";

    private IndexFormat() {
    }

    /** Where the index of a recording is kept when its folder is writable. */
    public static java.nio.file.Path besideRecording(java.nio.file.Path recording) {
        return recording.resolveSibling(recording.getFileName() + SUFFIX);
    }

    /** What the footer says. */
    public record Footer(SourceIdentity source, int baseBin, int factor, int blockBins, long blocks, long[] samples,
            long[][] upperBins, long[][] upperOffsets, long annotationsAt, int annotationBytes) {

        public int signals() {
            return samples.length;
        }

        long baseBins(int signal) {
            return (samples[signal] + baseBin - 1) / baseBin;
        }
    }

    static ByteBuffer footer(SourceIdentity source, int baseBin, int factor, int blockBins, long blocks, int signals,
            IntToLongFunction samples, IntFunction<long[]> upperBins, List<long[]> upperOffsets, long annotationsAt,
            int annotationBytes) {
        int bytes = 8 * 3 + 4 * 3 + 8 + 4 + 8 + 4;
        for (int s = 0; s < signals; s++) {
            bytes += 8 + 4 + upperBins.apply(s).length * 16;
        }
        ByteBuffer b = ByteBuffer.allocate(bytes);
        b.putLong(source.size()).putLong(source.modifiedMillis()).putLong(source.headerCrc());
        b.putInt(baseBin).putInt(factor).putInt(blockBins).putLong(blocks).putInt(signals);
        b.putLong(annotationsAt).putInt(annotationBytes);
        for (int s = 0; s < signals; s++) {
            long[] bins = upperBins.apply(s);
            b.putLong(samples.applyAsLong(s)).putInt(bins.length);
            for (int level = 0; level < bins.length; level++) {
                b.putLong(bins[level]).putLong(upperOffsets.get(s)[level]);
            }
        }
        return b.flip();
    }

    /**
     * Reads and checks the preamble and footer.
     *
     * @throws IOException naming what is wrong, for a file that is not a complete index of this version
     */
    public static Footer read(FileChannel channel) throws IOException {
        long size = channel.size();
        if (size < PREAMBLE_BYTES + 8) {
            throw new IOException("index file too short (" + size + " bytes)");
        }
        ByteBuffer preamble = readAt(channel, 0, PREAMBLE_BYTES);
        byte[] magic = new byte[MAGIC.length];
        preamble.get(magic);
        if (!Arrays.equals(magic, MAGIC) || preamble.getInt() != VERSION) {
            throw new IOException("not an OpenIONM envelope index of version " + VERSION);
        }
        long footerAt = readAt(channel, size - 8, 8).getLong();
        if (footerAt < PREAMBLE_BYTES || footerAt > size - 8) {
            throw new IOException("index footer offset " + footerAt + " outside the file");
        }
        ByteBuffer f = readAt(channel, footerAt, (int) (size - 8 - footerAt));
        SourceIdentity source = new SourceIdentity(f.getLong(), f.getLong(), f.getLong());
        int baseBin = f.getInt();
        int factor = f.getInt();
        int blockBins = f.getInt();
        long blocks = f.getLong();
        int signals = f.getInt();
        long annotationsAt = f.getLong();
        int annotationBytes = f.getInt();
        if (annotationsAt < PREAMBLE_BYTES || annotationBytes < 0 || annotationsAt + annotationBytes > footerAt) {
            throw new IOException("index annotation section outside the file");
        }
        if (baseBin < 1 || factor < 2 || blockBins < 1 || signals < 1 || signals > 4096 || blocks < 0) {
            throw new IOException("index footer is damaged");
        }
        long[] samples = new long[signals];
        long[][] bins = new long[signals][];
        long[][] offsets = new long[signals][];
        for (int s = 0; s < signals; s++) {
            samples[s] = f.getLong();
            int levels = f.getInt();
            if (levels < 0 || levels > 64) {
                throw new IOException("index footer is damaged (" + levels + " levels)");
            }
            bins[s] = new long[levels];
            offsets[s] = new long[levels];
            for (int level = 0; level < levels; level++) {
                bins[s][level] = f.getLong();
                offsets[s][level] = f.getLong();
                if (offsets[s][level] < PREAMBLE_BYTES || offsets[s][level] + bins[s][level] * 8 > footerAt) {
                    throw new IOException("index level outside the file");
                }
            }
        }
        Footer footer = new Footer(source, baseBin, factor, blockBins, blocks, samples, bins, offsets, annotationsAt,
                annotationBytes);
        for (int s = 0; s < signals; s++) {
            if ((footer.baseBins(s) + blockBins - 1) / blockBins > blocks) {
                throw new IOException("index has fewer blocks than its samples need");
            }
        }
        if (PREAMBLE_BYTES + blocks * signals * blockBins * 8L > footerAt) {
            throw new IOException("index blocks outside the file");
        }
        return footer;
    }

    static ByteBuffer readAt(FileChannel channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length);
        long at = position;
        while (buffer.hasRemaining()) {
            int n = channel.read(buffer, at);
            if (n < 0) {
                throw new IOException("index ends at byte " + at + ", " + buffer.remaining() + " bytes early");
            }
            at += n;
        }
        return buffer.flip();
    }
}
