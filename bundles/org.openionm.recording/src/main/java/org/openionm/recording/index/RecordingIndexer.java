package org.openionm.recording.index;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

import org.openionm.io.edf.EdfAnnotationSignal;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfReader;
import org.openionm.io.edf.EdfSignal;

/**
 * Builds a recording's envelope index while the recorder writes it, so that when the file is closed
 * its {@code .oidx} is already there — the same bytes review would build from the closed file.
 *
 * <p>It reads back the records the writer has forced to disk (from the page cache: about 1 MB/s at
 * 32 ch × 10 kHz) rather than taking the samples the writer was given: the index must describe what
 * the file holds — quantised, clamped, padded at gaps — exactly as {@link EdfReader} decodes it.
 * Until {@link #finish} the index exists only as {@code <file>.oidx.part}; a crash leaves no
 * {@code .oidx}, so review rebuilds from the repaired file and never trusts a partial index. The
 * finished index carries the closed file's identity (size, modification time, header checksum).
 *
 * <p>Not thread-safe: the recorder calls it under its lock.
 */
public final class RecordingIndexer implements AutoCloseable {

    /** Records read back per read: large reads, bounded memory. */
    private static final int MAX_READ_BYTES = 1 << 20;

    private final Path recording;
    private final List<EdfSignal> signals;
    private final int bytesPerSample;
    private final int recordBytes;
    private final long headerBytes;
    private final FileChannel in;
    private final EnvelopeBuilder builder;
    private long indexedRecords;

    /**
     * @param recording   the file being written (its header already on disk)
     * @param signals     its data signals as written (the annotation signal comes after them in a record)
     * @param format      EDF or BDF
     * @param recordBytes bytes of one data record, annotation signal included
     */
    public RecordingIndexer(Path recording, List<EdfSignal> signals, EdfFormat format, int recordBytes) throws IOException {
        this.recording = recording;
        this.signals = List.copyOf(signals);
        this.bytesPerSample = format.bytesPerSample();
        this.recordBytes = recordBytes;
        this.in = FileChannel.open(recording, StandardOpenOption.READ);
        try {
            this.headerBytes = headerBytes(in);
            this.builder = new EnvelopeBuilder(IndexFormat.besideRecording(recording), this.signals.size(),
                    IndexFormat.BASE_BIN, IndexFormat.FACTOR, IndexFormat.BLOCK_BINS);
        } catch (IOException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** Indexes the records up to {@code completeRecords} (all of them on the disk), those not yet indexed. */
    public void catchUp(long completeRecords) throws IOException {
        int perRead = Math.max(1, MAX_READ_BYTES / recordBytes);
        while (indexedRecords < completeRecords) {
            int n = (int) Math.min(perRead, completeRecords - indexedRecords);
            ByteBuffer bytes = ByteBuffer.allocate(n * recordBytes);
            long at = headerBytes + indexedRecords * recordBytes;
            while (bytes.hasRemaining()) {
                if (in.read(bytes, at + bytes.position()) < 0) {
                    throw new IOException(recording.getFileName() + " ends before record " + completeRecords
                            + " the writer reported");
                }
            }
            decode(bytes.array(), n);
            indexedRecords += n;
        }
    }

    /**
     * After the writer closed the file with {@code records} data records: indexes the rest, stores the
     * file's annotation signal as {@link EdfReader} reads it (one read per record, from the page
     * cache) and the closed file's identity, and moves the index into place.
     *
     * @return the index file
     */
    public Path finish(long records) throws IOException {
        catchUp(records);
        in.close();
        EdfAnnotationSignal annotations;
        try (EdfReader reader = EdfReader.open(recording)) {
            if (reader.header().recordCount() != records) {
                throw new IOException(recording.getFileName() + " holds " + reader.header().recordCount()
                        + " records, the writer wrote " + records);
            }
            annotations = reader.annotationSignal();
        }
        builder.finish(SourceIdentity.of(recording), annotations);
        return IndexFormat.besideRecording(recording);
    }

    /** Abandons an unfinished index (its {@code .part} file is deleted); after {@link #finish} nothing to do. */
    @Override
    public void close() throws IOException {
        try {
            in.close();
        } finally {
            builder.close();
        }
    }

    /**
     * The same conversion as {@link EdfReader}'s (offset and gain in double, then float), so the
     * values — and so the index bytes — are those review gets from the closed file.
     */
    private void decode(byte[] bytes, int records) throws IOException {
        int offset = 0;
        for (int s = 0; s < signals.size(); s++) {
            EdfSignal signal = signals.get(s);
            int spr = signal.samplesPerRecord();
            double gain = signal.gain();
            double base = signal.physicalMin() - signal.digitalMin() * gain;
            float[] values = new float[spr * records];
            for (int r = 0; r < records; r++) {
                int p = r * recordBytes + offset;
                for (int i = 0; i < spr; i++, p += bytesPerSample) {
                    int d = bytesPerSample == 2 ? (short) ((bytes[p] & 0xFF) | (bytes[p + 1] << 8))
                            : (bytes[p] & 0xFF) | ((bytes[p + 1] & 0xFF) << 8) | (bytes[p + 2] << 16);
                    values[r * spr + i] = (float) (base + d * gain);
                }
            }
            builder.add(s, values, 0, values.length);
            offset += spr * bytesPerSample;
        }
    }

    /** The header's own size field (bytes 184–191), as written by the writer. */
    private static long headerBytes(FileChannel channel) throws IOException {
        ByteBuffer field = ByteBuffer.allocate(8);
        while (field.hasRemaining()) {
            if (channel.read(field, 184 + field.position()) < 0) {
                throw new IOException("the recording's header is not on disk yet");
            }
        }
        return Long.parseLong(new String(field.array(), StandardCharsets.US_ASCII).trim());
    }
}
