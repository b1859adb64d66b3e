package org.openionm.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.ref.Cleaner;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;
import java.util.RandomAccess;

import org.openionm.core.processing.AverageTrace;

/**
 * The averages of one re-analysis with their samples in a temporary file instead of the heap: the
 * samples are about 60 % of what a re-analysis holds (32 MB per hour of a 32 ch × 10 kHz SSEP + TcMEP
 * case, docs/performance.md), too much for 8 hours in the workbench's 640 MB. Everything else of an
 * average stays in memory; {@link #get} reads its samples back (the same floats, bit for bit). The
 * file goes when the list is no longer reachable, or at exit.
 */
final class SpilledAverages extends AbstractList<AverageTrace> implements RandomAccess {

    private static final Cleaner CLEANER = Cleaner.create();
    private static final float[] NO_SAMPLES = {};

    /** An average without its samples, and where they are in the file. */
    private record Entry(AverageTrace withoutSamples, long offset, int length) {
    }

    private final List<Entry> entries = new ArrayList<>();
    private final Store store;
    private long end;

    /** The file and its channel, apart from the list so the cleaner does not keep the list reachable. */
    private record Store(Path file, FileChannel channel) implements Runnable {
        @Override
        public void run() {
            try {
                channel.close();
                Files.deleteIfExists(file);
            } catch (IOException e) {
                System.getLogger(SpilledAverages.class.getName()).log(System.Logger.Level.WARNING,
                        "could not delete the re-analysis's temporary averages " + file + ": " + e);
            }
        }
    }

    SpilledAverages() {
        try {
            Path file = Files.createTempFile("openionm-averages-", ".f32");
            file.toFile().deleteOnExit();
            store = new Store(file, FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE));
        } catch (IOException e) {
            throw new UncheckedIOException("could not create the re-analysis's temporary averages file", e);
        }
        CLEANER.register(this, store);
    }

    /** Appends {@code average}: its samples to the file, the rest to memory. */
    synchronized void append(AverageTrace average) {
        float[] s = average.samplesUv();
        ByteBuffer b = ByteBuffer.allocate(s.length * Float.BYTES).order(ByteOrder.nativeOrder());
        b.asFloatBuffer().put(s);
        try {
            long at = end;
            while (b.hasRemaining()) {
                at += store.channel.write(b, at);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the re-analysis's averages to " + store.file, e);
        }
        entries.add(new Entry(new AverageTrace(average.timeSeconds(), average.modality(), average.site(), average.channel(),
                NO_SAMPLES, average.samplingRateHz(), average.sweepsUsed(), average.sweepsRejected(), average.provenance()),
                end, s.length));
        end += (long) s.length * Float.BYTES;
    }

    @Override
    public boolean add(AverageTrace average) {
        append(average);
        return true;
    }

    @Override
    public synchronized AverageTrace get(int index) {
        Entry e = entries.get(index);
        ByteBuffer b = ByteBuffer.allocate(e.length * Float.BYTES).order(ByteOrder.nativeOrder());
        try {
            long at = e.offset;
            while (b.hasRemaining()) {
                int n = store.channel.read(b, at);
                if (n < 0) {
                    throw new IOException("the file ends at " + at);
                }
                at += n;
            }
        } catch (IOException ex) {
            throw new UncheckedIOException("could not read the re-analysis's averages from " + store.file, ex);
        }
        float[] samples = new float[e.length];
        b.flip();
        b.asFloatBuffer().get(samples);
        AverageTrace t = e.withoutSamples;
        return new AverageTrace(t.timeSeconds(), t.modality(), t.site(), t.channel(), samples, t.samplingRateHz(),
                t.sweepsUsed(), t.sweepsRejected(), t.provenance());
    }

    @Override
    public synchronized int size() {
        return entries.size();
    }

    /**
     * The averages as they are in memory: everything but the samples ({@code samplesUv} is empty), for
     * choosing some without reading every one back.
     */
    List<AverageTrace> withoutSamples() {
        return new AbstractList<>() {
            @Override
            public AverageTrace get(int index) {
                synchronized (SpilledAverages.this) {
                    return entries.get(index).withoutSamples;
                }
            }

            @Override
            public int size() {
                return SpilledAverages.this.size();
            }
        };
    }

    /** The temporary file (for tests). */
    Path file() {
        return store.file;
    }
}
