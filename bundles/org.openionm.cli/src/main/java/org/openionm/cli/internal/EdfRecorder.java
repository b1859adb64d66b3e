package org.openionm.cli.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openionm.acquisition.SampleConsumer;
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

/**
 * Records an acquisition to EDF+/BDF+ up to a given sample: data, gaps, stimuli, annotations and the
 * amplifier's technical reports (lead off, saturation, disconnection) as {@code HEALTH} annotations.
 * An I/O failure (full disk…) is kept, writing stops, and what was written is closed properly so the
 * file stays readable.
 */
final class EdfRecorder implements SampleConsumer {

    private final Path file;
    private final EdfFormat format;
    private final long endSample;
    private final String prefiltering;
    private final CountDownLatch finished = new CountDownLatch(1);
    private EdfWriter writer;
    private List<Channel> channels = List.of();
    private volatile IOException failure;
    private volatile long samplesWritten;
    private volatile int stimuli;
    private volatile int annotations;
    private volatile List<String> warnings = List.of();

    EdfRecorder(Path file, EdfFormat format, long endSample, String prefiltering) {
        this.file = file;
        this.format = format;
        this.endSample = endSample;
        this.prefiltering = prefiltering;
    }

    @Override
    public void onStart(String driverId, List<Channel> channels) {
        this.channels = List.copyOf(channels);
        int perRecord = EdfWriter.recommendedSamplesPerRecord(channels.get(0).samplingRateHz(), channels.size(), format);
        try {
            writer = EdfWriter.create(file, format, EdfRecordingInfo.anonymous(LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS)),
                    channels, prefiltering, perRecord);
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void onBlock(SampleBlock block) {
        if (!writable() || block.firstSampleIndex() >= endSample) {
            return;
        }
        SampleBlock part = block;
        if (block.endSampleIndex() > endSample) { // the last block is cut at the requested duration
            int keep = (int) (endSample - block.firstSampleIndex());
            float[][] rows = new float[block.channelCount()][];
            for (int c = 0; c < rows.length; c++) {
                rows[c] = java.util.Arrays.copyOf(block.channel(c), keep);
            }
            part = new SampleBlock(block.firstSampleIndex(), block.deviceTimestampNanos(), rows);
        }
        try {
            writer.write(part);
            samplesWritten = part.endSampleIndex();
        } catch (IOException e) {
            failure = e;
        }
    }

    @Override
    public void onGap(DataGap gap) {
        if (writable() && gap.firstMissingSampleIndex() < endSample) {
            try {
                writer.gap(gap);
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void onStimulus(StimulusEvent event) {
        if (writable() && event.sampleIndex() < endSample) {
            try {
                writer.stimulus(event);
                stimuli++;
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void onAnnotation(Annotation annotation) {
        if (writable() && annotation.sampleIndex() < endSample) {
            try {
                writer.annotation(annotation);
                annotations++;
            } catch (IOException e) {
                failure = e;
            }
        }
    }

    @Override
    public void onHealth(DriverHealth health) {
        if (health.channel() >= channels.size()) {
            return; // not a channel of this recording; the engine never sends one
        }
        String label = health.channel() == DriverHealth.WHOLE_DEVICE ? null : channels.get(health.channel()).label();
        onAnnotation(new Annotation(health.sampleIndex(), 0, HealthAnnotations.format(health, label), Annotation.Kind.TECHNICAL));
    }

    @Override
    public void onStop(String reason) {
        try {
            if (writer != null) {
                writer.close();
                warnings = writer.warnings();
            }
        } catch (IOException e) {
            if (failure == null) {
                failure = e;
            }
        } finally {
            finished.countDown();
        }
    }

    private boolean writable() {
        return writer != null && failure == null;
    }

    boolean awaitFinished(long timeoutMs) throws InterruptedException {
        return finished.await(timeoutMs, TimeUnit.MILLISECONDS);
    }

    IOException failure() {
        return failure;
    }

    long samplesWritten() {
        return samplesWritten;
    }

    int stimuli() {
        return stimuli;
    }

    int annotations() {
        return annotations;
    }

    List<String> warnings() {
        return warnings;
    }
}
