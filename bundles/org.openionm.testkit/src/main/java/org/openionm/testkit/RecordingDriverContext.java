package org.openionm.testkit;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;

/**
 * Plays the acquisition engine for a driver under test, on the test's own thread: call
 * {@code driver.run(context)} and then ask what the driver reported. It hands out planned stimuli
 * through {@link #dueStimuli}, asks the driver to stop after a number of samples or blocks, and
 * records blocks (optional: memory), the full traces of chosen channels, stimuli, annotations,
 * health reports and the gaps where a block skipped ahead of the sample clock. An event reported
 * for a sample the driver had already delivered is listed in {@link #lateEvents()}: the engine
 * needs events before the block that holds them.
 * <p>
 * Not thread-safe; a driver calls its context from one thread. To run a driver through the real
 * engine and processors, use {@link Replay}.
 *
 * @since 0.2.0
 */
public final class RecordingDriverContext implements DriverContext {

    private final double samplingRateHz;
    private long stopAtSample = Long.MAX_VALUE;
    private int stopAfterBlocks = Integer.MAX_VALUE;
    private boolean keepBlocks;
    private boolean requireContiguous;
    private final Map<Integer, FloatTrace> traces = new LinkedHashMap<>();
    private final List<StimulusEvent> planned = new ArrayList<>();
    private boolean plannedSorted = true;
    private int nextPlanned;

    private final List<SampleBlock> blocks = new ArrayList<>();
    private final List<StimulusEvent> stimuli = new ArrayList<>();
    private final List<Annotation> annotations = new ArrayList<>();
    private final List<DriverHealth> health = new ArrayList<>();
    private final List<DataGap> gaps = new ArrayList<>();
    private final List<String> lateEvents = new ArrayList<>();
    private int blockCount;
    private long samplesDelivered;
    private long nextSample;

    /**
     * @param samplingRateHz the rate the driver was configured with; converts seconds to samples
     * @since 0.2.0
     */
    public RecordingDriverContext(double samplingRateHz) {
        if (!(samplingRateHz > 0) || Double.isInfinite(samplingRateHz)) {
            throw new IllegalArgumentException("sampling rate must be a positive number of Hz, was " + samplingRateHz);
        }
        this.samplingRateHz = samplingRateHz;
    }

    /**
     * Asks the driver to stop once its blocks reach {@code seconds} of signal.
     *
     * @since 0.2.0
     */
    public RecordingDriverContext stopAfterSeconds(double seconds) {
        return stopAtSample(Math.round(seconds * samplingRateHz));
    }

    /**
     * Asks the driver to stop once its blocks reach sample {@code sampleIndex}.
     *
     * @since 0.2.0
     */
    public RecordingDriverContext stopAtSample(long sampleIndex) {
        this.stopAtSample = sampleIndex;
        return this;
    }

    /**
     * Asks the driver to stop after {@code count} blocks.
     *
     * @since 0.2.0
     */
    public RecordingDriverContext stopAfterBlocks(int count) {
        this.stopAfterBlocks = count;
        return this;
    }

    /**
     * Keeps every block (off by default: minutes of signal take much memory).
     *
     * @since 0.2.0
     */
    public RecordingDriverContext keepBlocks() {
        this.keepBlocks = true;
        return this;
    }

    /**
     * Keeps the whole trace of each of {@code channels} (see {@link #trace}).
     *
     * @since 0.2.0
     */
    public RecordingDriverContext keepTraces(int... channels) {
        for (int channel : channels) {
            traces.putIfAbsent(channel, new FloatTrace());
        }
        return this;
    }

    /**
     * Makes a block that does not continue the sample clock an {@link AssertionError} at once, for
     * drivers that must never skip samples (a simulator). By default a jump forward is recorded as a
     * gap, like the engine does.
     *
     * @since 0.2.0
     */
    public RecordingDriverContext requireContiguous() {
        this.requireContiguous = true;
        return this;
    }

    /**
     * Plans one stimulus, handed out by {@link #dueStimuli} before the block holding its sample.
     *
     * @since 0.2.0
     */
    public RecordingDriverContext plan(StimulusEvent event) {
        planned.add(event);
        plannedSorted = false;
        return this;
    }

    /**
     * Plans single pulses of {@code site} at {@code rateHz} from {@code fromSeconds} (first pulse) up
     * to, not including, {@code toSeconds}; pulse width 200 µs.
     *
     * @since 0.2.0
     */
    public RecordingDriverContext planPeriodic(String site, double rateHz, double intensity, String unit, double fromSeconds,
            double toSeconds) {
        long end = Math.round(toSeconds * samplingRateHz);
        for (long k = 0;; k++) {
            long sample = Math.round((fromSeconds + k / rateHz) * samplingRateHz);
            if (sample >= end) {
                return this;
            }
            plan(StimulusEvent.single(site, sample, intensity, unit, 200));
        }
    }

    /**
     * Plans the periodic sites of {@code program} up to sample {@code untilSample} the way the
     * engine's scheduler does: a site starts at its {@code offsetMs}; among the other sites of one
     * rate, site k of n starts k/n of a period after sample 0; every time computed from the start, ramps
     * raise the intensity per stimulus until their maximum. Unlike the engine it applies no TcMEP
     * train guard and has no on-demand triggers: for those, run the driver through {@link Replay}.
     *
     * @since 0.2.0
     */
    public RecordingDriverContext planProgram(StimulationProgram program, long untilSample) {
        List<PeriodicStimulation> repeating = program.sites().stream().filter(s -> s.rateHz() > 0).toList();
        for (int k = 0; k < repeating.size(); k++) {
            PeriodicStimulation s = repeating.get(k);
            double period = samplingRateHz / s.rateHz();
            List<PeriodicStimulation> sameRate = repeating.stream()
                    .filter(o -> o.rateHz() == s.rateHz() && Double.isNaN(o.offsetMs())).toList();
            double offset = Double.isNaN(s.offsetMs()) ? period * sameRate.indexOf(s) / sameRate.size()
                    : s.offsetMs() * samplingRateHz / 1000;
            for (long n = 0;; n++) {
                long sample = Math.round(offset + n * period);
                double intensity = s.rampStep() > 0 ? Math.min(s.rampMax(), s.intensity() + n * s.rampStep()) : s.intensity();
                if (sample >= untilSample) {
                    break;
                }
                plan(new StimulusEvent(s.siteId(), s.kind(), sample, intensity, s.unit(), s.pulseWidthMicros(), s.pulseCount(),
                        s.interPulseIntervalMs()));
                if (s.rampStep() > 0 && intensity >= s.rampMax()) {
                    break;
                }
            }
        }
        return this;
    }

    /**
     * {@link #planProgram(StimulationProgram, long)} up to the stop set by {@link #stopAtSample}.
     *
     * @throws IllegalStateException when no stop sample was set
     * @since 0.2.0
     */
    public RecordingDriverContext planProgram(StimulationProgram program) {
        if (stopAtSample == Long.MAX_VALUE) {
            throw new IllegalStateException("planProgram(program) plans up to the stop: call stopAfterSeconds or stopAtSample first");
        }
        return planProgram(program, stopAtSample);
    }

    @Override
    public List<StimulusEvent> dueStimuli(long endSampleIndex) {
        if (!plannedSorted) {
            List<StimulusEvent> rest = new ArrayList<>(planned.subList(nextPlanned, planned.size()));
            rest.sort(Comparator.comparingLong(StimulusEvent::sampleIndex));
            planned.subList(nextPlanned, planned.size()).clear();
            planned.addAll(rest);
            plannedSorted = true;
        }
        List<StimulusEvent> due = new ArrayList<>();
        while (nextPlanned < planned.size() && planned.get(nextPlanned).sampleIndex() < endSampleIndex) {
            due.add(planned.get(nextPlanned++));
        }
        return due;
    }

    @Override
    public void block(SampleBlock block) {
        long first = block.firstSampleIndex();
        if (first < nextSample) {
            throw new AssertionError("block starts at sample " + first + ", before the end of the previous block at " + nextSample
                    + ": the sample clock went back");
        }
        if (first > nextSample) {
            if (requireContiguous) {
                throw new AssertionError("block starts at sample " + first + ", expected " + nextSample);
            }
            gaps.add(new DataGap(nextSample, first - nextSample, "the driver skipped ahead"));
        }
        for (Map.Entry<Integer, FloatTrace> t : traces.entrySet()) {
            int channel = t.getKey();
            if (channel >= block.channelCount()) {
                throw new IllegalArgumentException("channel " + channel + " was to be kept, but blocks have "
                        + block.channelCount() + " channels");
            }
            t.getValue().put(first, block.channel(channel));
        }
        if (keepBlocks) {
            blocks.add(block);
        }
        blockCount++;
        samplesDelivered += block.sampleCount();
        nextSample = block.endSampleIndex();
    }

    @Override
    public void stimulus(StimulusEvent event) {
        stimuli.add(event);
        checkOnTime(event.sampleIndex(), event);
    }

    @Override
    public void annotation(Annotation annotation) {
        annotations.add(annotation);
        checkOnTime(annotation.sampleIndex(), annotation);
    }

    @Override
    public void health(DriverHealth report) {
        health.add(report);
        checkOnTime(report.sampleIndex(), report);
    }

    private void checkOnTime(long sampleIndex, Object event) {
        if (sampleIndex < nextSample) {
            lateEvents.add(event + " (reported after sample " + nextSample + " was delivered)");
        }
    }

    @Override
    public boolean isStopRequested() {
        return nextSample >= stopAtSample || blockCount >= stopAfterBlocks;
    }

    /** @since 0.2.0 */
    public double samplingRateHz() {
        return samplingRateHz;
    }

    /**
     * The sample index after the last block: samples per channel the driver covered, gaps included.
     *
     * @since 0.2.0
     */
    public long samplesReceived() {
        return nextSample;
    }

    /**
     * Samples per channel actually delivered (gaps excluded).
     *
     * @since 0.2.0
     */
    public long samplesDelivered() {
        return samplesDelivered;
    }

    /** @since 0.2.0 */
    public int blockCount() {
        return blockCount;
    }

    /**
     * The blocks, when {@link #keepBlocks()} was called; empty otherwise.
     *
     * @since 0.2.0
     */
    public List<SampleBlock> blocks() {
        return List.copyOf(blocks);
    }

    /** Stimuli the driver reported as delivered, in the order reported. @since 0.2.0 */
    public List<StimulusEvent> stimuli() {
        return List.copyOf(stimuli);
    }

    /** @since 0.2.0 */
    public List<Annotation> annotations() {
        return List.copyOf(annotations);
    }

    /** @since 0.2.0 */
    public List<DriverHealth> health() {
        return List.copyOf(health);
    }

    /** Where a block started after the end of the previous one. @since 0.2.0 */
    public List<DataGap> gaps() {
        return List.copyOf(gaps);
    }

    /** Stimuli, annotations and health reports given for a sample already delivered. @since 0.2.0 */
    public List<String> lateEvents() {
        return List.copyOf(lateEvents);
    }

    /**
     * The kept trace of {@code channel} from sample 0 to {@link #samplesReceived()}; samples in a gap
     * are NaN.
     *
     * @throws IllegalArgumentException when the channel was not kept with {@link #keepTraces}
     * @since 0.2.0
     */
    public float[] trace(int channel) {
        FloatTrace t = traces.get(channel);
        if (t == null) {
            throw new IllegalArgumentException("channel " + channel + " was not kept: call keepTraces(" + channel + ") before run");
        }
        return t.copy(nextSample);
    }

    /** A growing array, NaN where nothing was put. */
    private static final class FloatTrace {
        private float[] values = new float[0];

        void put(long first, float[] samples) {
            long end = first + samples.length;
            if (end > Integer.MAX_VALUE - 8) {
                throw new IllegalStateException("a kept trace holds at most " + (Integer.MAX_VALUE - 8) + " samples");
            }
            if (end > values.length) {
                int old = values.length;
                values = Arrays.copyOf(values, (int) Math.max(end, Math.min(Integer.MAX_VALUE - 8, 2L * old + 1024)));
                Arrays.fill(values, old, values.length, Float.NaN);
            }
            System.arraycopy(samples, 0, values, (int) first, samples.length);
        }

        float[] copy(long length) {
            float[] out = Arrays.copyOf(values, (int) length);
            if (length > values.length) {
                Arrays.fill(out, values.length, out.length, Float.NaN);
            }
            return out;
        }
    }
}
