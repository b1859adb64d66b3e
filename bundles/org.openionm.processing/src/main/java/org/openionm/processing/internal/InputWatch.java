package org.openionm.processing.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.processing.ResultListener;

/**
 * {@link InputWarnings} while a recording plays (issue 17: the workbench's playback said nothing when
 * no stimulus was recognised): counts what the engine delivers (as a consumer) and what the
 * processors produce (as a result listener). Each warning is said once it is fair: a role mismatch at
 * once, missing stimuli after {@link #STIMULUS_GRACE_SECONDS} of data (a live amplifier's first
 * stimulus comes within a second; a file's annotations from its start), a processor that produced
 * nothing only when the acquisition has ended. Thread-safe: the engine and the host call it on their
 * threads, a status line polls it.
 */
public final class InputWatch implements SampleConsumer, ResultListener {

    /** Data seen before "no stimuli recognised" is said. */
    public static final double STIMULUS_GRACE_SECONDS = 10;
    /** Distinct annotation texts counted; others go on counting under "other". */
    static final int MAX_TEXTS = 1000;

    private volatile List<Channel> channels = List.of();
    private final AtomicLong stimuli = new AtomicLong();
    private final Map<String, Long> texts = new java.util.LinkedHashMap<>();
    private final Map<String, AtomicLong> results = new ConcurrentHashMap<>();
    private volatile long samples;
    private volatile boolean started;
    private volatile boolean ended;

    @Override
    public void onStart(String driverId, List<Channel> delivered) {
        synchronized (texts) {
            texts.clear();
        }
        stimuli.set(0);
        results.clear();
        samples = 0;
        ended = false;
        channels = List.copyOf(delivered);
        started = true;
    }

    @Override
    public void onBlock(SampleBlock block) {
        samples = Math.max(samples, block.endSampleIndex());
    }

    @Override
    public void onStimulus(StimulusEvent event) {
        stimuli.incrementAndGet();
    }

    @Override
    public void onAnnotation(Annotation annotation) {
        if (annotation.kind() == Annotation.Kind.CLINICAL) { // as `analyze`: neither a stimulus nor technical
            synchronized (texts) {
                texts.merge(texts.size() < MAX_TEXTS || texts.containsKey(annotation.text()) ? annotation.text() : "other",
                        1L, Long::sum);
            }
        }
    }

    @Override
    public void onStop(String reason) {
        ended = true;
    }

    @Override
    public void measurement(Measurement m) {
        results.computeIfAbsent(m.modality(), k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void average(AverageTrace a) {
        results.computeIfAbsent(a.modality(), k -> new AtomicLong()).incrementAndGet();
    }

    @Override
    public void event(DetectedEvent e) {
        results.computeIfAbsent(e.modality(), k -> new AtomicLong()).incrementAndGet();
    }

    /** Seconds of data delivered in this acquisition. */
    public double secondsSeen() {
        List<Channel> c = channels;
        return c.isEmpty() ? 0 : samples / c.get(0).samplingRateHz();
    }

    /**
     * The warnings that are fair to say now, for processors accepting {@code acceptedRoles} (by id);
     * empty before the first acquisition.
     */
    public List<String> warnings(Map<String, Set<ChannelRole>> acceptedRoles) {
        List<String> out = new ArrayList<>();
        if (!started) {
            return out;
        }
        List<Channel> c = channels;
        if (ended || secondsSeen() >= STIMULUS_GRACE_SECONDS) {
            Map<String, Long> seen;
            synchronized (texts) {
                seen = Map.copyOf(texts);
            }
            InputWarnings.stimuli(stimuli.get(), seen).ifPresent(out::add);
        }
        InputWarnings.roles(c, acceptedRoles).ifPresent(out::add);
        if (ended) {
            Map<String, Long> counts = new java.util.HashMap<>();
            results.forEach((k, v) -> counts.put(k, v.get()));
            out.addAll(InputWarnings.silentProcessors(c, acceptedRoles, counts));
        }
        return out;
    }
}
