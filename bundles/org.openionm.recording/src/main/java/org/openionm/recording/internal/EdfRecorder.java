package org.openionm.recording.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;
import org.openionm.io.edf.HealthAnnotations;
import org.openionm.recording.Recorder;
import org.openionm.recording.RecorderListener;
import org.openionm.recording.RecorderState;
import org.openionm.recording.RecorderStatus;
import org.openionm.recording.RecordingSpec;
import org.openionm.recording.RecoveredRecording;
import org.openionm.recording.index.RecordingIndexer;

/**
 * The {@link Recorder}: one {@link EdfWriter} per file. Every entry point takes {@link #lock}, so the
 * engine's consumer thread and a UI or case thread (annotate, stop, start, status) never interleave
 * inside the writer; listeners are called after the lock is released (a listener that waits for
 * another thread that asks for the status cannot deadlock).
 */
public final class EdfRecorder implements Recorder {

    /** Blocks force the file to disk after this much signal: with records of at most 0.5 s, data is on disk within 1 s. */
    static final double FORCE_EVERY_SECONDS = 0.5;
    /** The free space is looked at after every this much signal: a statfs call, cheap at this pace. */
    static final double DISK_CHECK_EVERY_SECONDS = 1.0;
    /** A warning is said again only after the estimate rose this far above the threshold (space was freed). */
    private static final double REARM_FACTOR = 1.25;

    private final RecordingSpec spec;
    private final String extension;
    private final Object lock = new Object();
    private final List<RecorderListener> listeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> outbox = new ArrayList<>();
    private final CountDownLatch acquisitionEnded = new CountDownLatch(1);

    // guarded by lock
    private List<Channel> channels = List.of();
    private double rate;
    private boolean acquiring;
    private boolean wanted = true;
    private EdfWriter writer;
    /** Builds the segment's review index as it is written; null for a single file or after an index failure. */
    private RecordingIndexer indexer;
    private Path file;
    private final List<Path> segments = new ArrayList<>();
    private RecorderState state = RecorderState.STOPPED;
    private String failure;
    private List<String> warnings = List.of();
    private int headerBytes;
    private long samplesWritten;
    private int stimuli;
    private int annotations;
    private double bytesPerSecond;
    private long freeBytes = -1;
    private double secondsLeft = Double.NaN;
    private boolean lowDiskSaid;
    private long nextForce;
    private long nextDiskCheck;

    public EdfRecorder(RecordingSpec spec) {
        this.spec = spec;
        this.extension = spec.format() == EdfFormat.BDF ? ".bdf" : ".edf";
    }

    // ---------------------------------------------------------------- SampleConsumer (engine thread)

    @Override
    public void onStart(String driverId, List<Channel> channels) {
        synchronized (lock) {
            closeFile();
            this.channels = List.copyOf(channels);
            this.rate = channels.isEmpty() ? 0 : channels.get(0).samplingRateHz();
            acquiring = true;
            if (wanted && state != RecorderState.FAILED && !(spec.singleFile() && !segments.isEmpty())) {
                openFile();
            }
        }
        fire();
    }

    @Override
    public void onBlock(SampleBlock block) {
        synchronized (lock) {
            if (writer == null || block.firstSampleIndex() >= spec.endSample()) {
                return;
            }
            SampleBlock part = block;
            if (block.endSampleIndex() > spec.endSample()) { // the last block is cut at the requested duration
                int keep = (int) (spec.endSample() - block.firstSampleIndex());
                float[][] rows = new float[block.channelCount()][];
                for (int c = 0; c < rows.length; c++) {
                    rows[c] = Arrays.copyOf(block.channel(c), keep);
                }
                part = new SampleBlock(block.firstSampleIndex(), block.deviceTimestampNanos(), rows);
            }
            try {
                writer.write(part);
                samplesWritten += part.sampleCount();
                long end = part.endSampleIndex();
                if (end >= nextForce) {
                    writer.flush(); // records are written as they complete; this forces them to the disk
                    index();
                    nextForce = end + Math.max(1, Math.round(FORCE_EVERY_SECONDS * rate));
                }
                if (end >= nextDiskCheck) {
                    checkDisk();
                    nextDiskCheck = end + Math.max(1, Math.round(DISK_CHECK_EVERY_SECONDS * rate));
                }
            } catch (IOException | RuntimeException e) {
                fail(e);
            }
        }
        fire();
    }

    @Override
    public void onGap(DataGap gap) {
        synchronized (lock) {
            if (writer != null && gap.firstMissingSampleIndex() < spec.endSample()) {
                try {
                    writer.gap(gap);
                    writer.flush(); // the header says EDF+D from now on, also after a crash
                    index();
                } catch (IOException | RuntimeException e) {
                    fail(e);
                }
            }
        }
        fire();
    }

    @Override
    public void onStimulus(StimulusEvent event) {
        synchronized (lock) {
            if (writer != null && event.sampleIndex() < spec.endSample()) {
                try {
                    writer.stimulus(event);
                    stimuli++;
                } catch (IOException | RuntimeException e) {
                    fail(e);
                }
            }
        }
        fire();
    }

    @Override
    public void onAnnotation(Annotation annotation) {
        synchronized (lock) {
            write(annotation);
        }
        fire();
    }

    @Override
    public void onHealth(DriverHealth health) {
        synchronized (lock) {
            if (health.channel() >= channels.size()) {
                return; // not a channel of this recording; the engine never sends one
            }
            String label = health.channel() == DriverHealth.WHOLE_DEVICE ? null : channels.get(health.channel()).label();
            write(new Annotation(health.sampleIndex(), 0, HealthAnnotations.format(health, label), Annotation.Kind.TECHNICAL));
        }
        fire();
    }

    @Override
    public void onStop(String reason) {
        synchronized (lock) {
            acquiring = false;
            closeFile();
        }
        fire();
        acquisitionEnded.countDown();
    }

    // ---------------------------------------------------------------- Recorder (any thread)

    @Override
    public boolean annotate(String text, long sampleIndex) {
        boolean written;
        synchronized (lock) {
            written = write(new Annotation(sampleIndex, 0, text, Annotation.Kind.CLINICAL));
        }
        fire();
        return written;
    }

    @Override
    public void stopRecording() {
        synchronized (lock) {
            wanted = false;
            closeFile();
            if (state == RecorderState.FAILED) {
                state = RecorderState.STOPPED;
                failure = null;
                changed();
            }
        }
        fire();
    }

    @Override
    public void startRecording() {
        synchronized (lock) {
            if (spec.singleFile() && !segments.isEmpty()) {
                throw new IllegalStateException("a single-file recording cannot start again: " + segments.get(0)
                        + " was written");
            }
            wanted = true;
            if (state == RecorderState.FAILED) {
                state = RecorderState.STOPPED;
                failure = null;
            }
            if (acquiring && writer == null) {
                openFile();
            }
        }
        fire();
    }

    @Override
    public RecorderStatus status() {
        synchronized (lock) {
            return snapshot();
        }
    }

    @Override
    public void addListener(RecorderListener listener) {
        listeners.add(listener);
    }

    @Override
    public void removeListener(RecorderListener listener) {
        listeners.remove(listener);
    }

    @Override
    public boolean awaitAcquisitionEnd(Duration timeout) throws InterruptedException {
        return acquisitionEnded.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    // ---------------------------------------------------------------- inside the lock

    private boolean write(Annotation annotation) {
        if (writer == null || annotation.sampleIndex() >= spec.endSample()) {
            return false;
        }
        try {
            writer.annotation(annotation);
            annotations++;
            return true;
        } catch (IOException | RuntimeException e) {
            fail(e);
            return false;
        }
    }

    private void openFile() {
        if (channels.isEmpty()) {
            return;
        }
        Path next = null;
        boolean created = false;
        try {
            if (spec.singleFile()) {
                next = spec.folder().resolve(spec.baseName());
            } else {
                next = SegmentFiles.createNext(spec.folder(), spec.baseName(), extension);
                created = true;
            }
            int perRecord = RecordDurations.samplesPerRecord(rate, channels.size(), spec.format());
            EdfRecordingInfo i = spec.info();
            EdfRecordingInfo info = new EdfRecordingInfo(i.patientCode(), i.sex(), i.birthdate(), i.patientName(),
                    i.adminCode(), i.technician(), i.equipment(), LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS));
            writer = EdfWriter.create(next, spec.format(), info, channels, spec.prefiltering(), perRecord);
            startIndex(next);
        } catch (IOException | RuntimeException e) {
            if (created) {
                deleteIfEmpty(next);
            }
            file = next;
            state = RecorderState.FAILED;
            failure = "Recording could not start" + (next == null ? " in " + spec.folder() : ": " + next.getFileName())
                    + " could not be created (" + reason(e) + ")";
            failed();
            return;
        }
        file = next;
        segments.add(next);
        state = RecorderState.RECORDING;
        failure = null;
        warnings = List.of();
        headerBytes = 256 * (channels.size() + 2);
        samplesWritten = 0;
        stimuli = 0;
        annotations = 0;
        bytesPerSecond = writer.recordBytes() * rate / writer.signals().get(0).samplesPerRecord();
        lowDiskSaid = false;
        nextForce = 0;
        nextDiskCheck = 0;
        checkDisk();
        changed();
    }

    private void closeFile() {
        if (writer == null) {
            return;
        }
        try {
            writer.close();
            finishIndex(writer.recordsWritten());
            warnings = writer.warnings();
            writer = null;
            state = RecorderState.STOPPED;
            changed();
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /**
     * A write failed: the writer is abandoned (its buffers may hold half a record), the file is cut
     * back to its last complete record by the recovery, and the engine is left alone.
     */
    private void fail(Exception e) {
        EdfWriter broken = writer;
        writer = null;
        abandonIndex();
        try {
            broken.close(); // tries to finish the file; on a full disk it fails, but releases the file
        } catch (IOException | RuntimeException ignored) {
            // the recovery below makes the file valid whatever close() managed
        }
        String holds;
        try {
            Optional<RecoveredRecording> r = InterruptedFiles.recover(file);
            double seconds = r.map(RecoveredRecording::seconds).orElse(samplesWritten / rate);
            holds = file.getFileName() + " is valid and holds " + HumanText.duration(seconds) + " of signal";
        } catch (IOException | RuntimeException recoveryFailure) {
            holds = file.getFileName() + " could not be closed (" + reason(recoveryFailure)
                    + "); it is repaired at the next start";
        }
        long free = usableSpace();
        boolean full = free >= 0 && free < Math.max(bytesPerSecond, 65_536); // not even a second more would fit
        state = RecorderState.FAILED;
        failure = (full ? "Recording stopped: the disk holding " + spec.folder() + " is full" : "Recording stopped: writing "
                + file.getFileName() + " failed") + " (" + reason(e) + "); " + holds;
        freeBytes = free;
        failed();
    }

    /**
     * Segments (the workbench's recordings) are indexed while written, so review opens them at once;
     * a single file ({@code simulate --out}) is indexed by review on first open, as before. The index
     * is a convenience: any failure of it drops the index and never touches the recording.
     */
    private void startIndex(Path next) {
        if (spec.singleFile()) {
            return;
        }
        try {
            indexer = new RecordingIndexer(next, writer.signals(), writer.format(), writer.recordBytes());
        } catch (IOException | RuntimeException e) {
            indexer = null; // review builds it on first open
        }
    }

    /** After a flush: the records now on disk go into the index. */
    private void index() {
        if (indexer == null) {
            return;
        }
        try {
            indexer.catchUp(writer.recordsWritten());
        } catch (IOException | RuntimeException e) {
            abandonIndex();
        }
    }

    private void finishIndex(long records) {
        if (indexer == null) {
            return;
        }
        try {
            indexer.finish(records);
        } catch (IOException | RuntimeException e) {
            abandonIndex();
        }
        indexer = null;
    }

    private void abandonIndex() {
        if (indexer == null) {
            return;
        }
        try {
            indexer.close();
        } catch (IOException | RuntimeException ignored) {
            // a leftover .part is never read as an index; the recovery deletes it
        }
        indexer = null;
    }

    private void checkDisk() {
        long free = usableSpace();
        freeBytes = free;
        if (free < 0 || bytesPerSecond <= 0) {
            secondsLeft = Double.NaN;
            return;
        }
        secondsLeft = free / bytesPerSecond;
        double threshold = spec.lowDiskWarning().toMillis() / 1000.0;
        if (secondsLeft < threshold && !lowDiskSaid) {
            lowDiskSaid = true;
            String message = HumanText.estimate(secondsLeft) + " of recording left on " + spec.folder() + " ("
                    + HumanText.size(free) + " free, " + String.format(Locale.ROOT, "%.2f", bytesPerSecond / 1e6)
                    + " MB/s)";
            RecorderStatus s = snapshot();
            for (RecorderListener l : listeners) {
                outbox.add(() -> l.lowDisk(s, message));
            }
        } else if (secondsLeft > threshold * REARM_FACTOR) {
            lowDiskSaid = false;
        }
    }

    private long usableSpace() {
        try {
            return Files.getFileStore(spec.folder()).getUsableSpace();
        } catch (IOException e) {
            return -1;
        }
    }

    private void changed() {
        RecorderStatus s = snapshot();
        for (RecorderListener l : listeners) {
            outbox.add(() -> l.stateChanged(s));
        }
    }

    private void failed() {
        RecorderStatus s = snapshot();
        for (RecorderListener l : listeners) {
            outbox.add(() -> l.failed(s));
        }
    }

    private RecorderStatus snapshot() {
        long bytes = writer != null ? headerBytes + writer.recordsWritten() * (long) writer.recordBytes() : fileSize();
        return new RecorderStatus(state, file, segments, bytes, samplesWritten, rate > 0 ? samplesWritten / rate : 0,
                stimuli, annotations, bytesPerSecond, freeBytes, secondsLeft, failure, warnings);
    }

    private long fileSize() {
        try {
            return file == null ? 0 : Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    // ---------------------------------------------------------------- outside the lock

    private void fire() {
        List<Runnable> events;
        synchronized (lock) {
            if (outbox.isEmpty()) {
                return;
            }
            events = new ArrayList<>(outbox);
            outbox.clear();
        }
        for (Runnable r : events) {
            r.run();
        }
    }

    private static void deleteIfEmpty(Path p) {
        try {
            if (p != null && Files.size(p) == 0) {
                Files.delete(p);
            }
        } catch (IOException ignored) {
            // nothing was written to it; a leftover empty file is reported by the recovery
        }
    }

    private static String reason(Exception e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }
}
