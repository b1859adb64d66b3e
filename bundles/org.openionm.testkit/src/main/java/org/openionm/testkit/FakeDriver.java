package org.openionm.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationProgram;

/**
 * A scripted amplifier: the test lists what the device does — blocks of given or generated samples,
 * stimuli, health reports, annotations, a jump of the sample clock, a failure, a stall — and
 * {@link #run} plays the script once, then returns (end of stream). Blocks follow each other on the
 * sample clock starting at 0; each event is reported before the next block. With
 * {@link #firesDueStimuli()} it behaves like a device with stimulators: before each block it fires
 * what the engine's scheduler says is due and reports it delivered.
 * <p>
 * Configure, then run once per script; the script is not thread-safe while being written.
 *
 * @since 0.2.0
 */
public final class FakeDriver implements AmplifierDriver {

    /**
     * Generates sample values.
     *
     * @since 0.2.0
     */
    @FunctionalInterface
    public interface Signal {
        /** The value in µV of {@code channel} at {@code sampleIndex}. */
        float value(int channel, long sampleIndex);
    }

    private record ChannelSpec(String label, ChannelRole role, double min, double max) {
    }

    private final String id;
    private final List<ChannelSpec> channelSpecs = new ArrayList<>();
    private final List<Step> script = new ArrayList<>();
    private DriverCapabilities capabilities = new DriverCapabilities(256, 100_000, List.of());
    private StimulationProgram suggested;
    private boolean firesDueStimuli;
    private List<Channel> configured = List.of();
    private volatile int blocksDelivered;
    private final CountDownLatch stalled = new CountDownLatch(1);

    /** @since 0.2.0 */
    public FakeDriver(String id) {
        this.id = id;
    }

    /**
     * Declares a channel (±1e6 µV, never at a rail in practice). Without any, {@link #configure}
     * makes {@code channelCount} channels {@code ch0, ch1…} of role {@link ChannelRole#OTHER}.
     *
     * @since 0.2.0
     */
    public FakeDriver channel(String label, ChannelRole role) {
        return channel(label, role, -1e6, 1e6);
    }

    /**
     * Declares a channel with the given physical range in µV.
     *
     * @since 0.2.0
     */
    public FakeDriver channel(String label, ChannelRole role, double physicalMin, double physicalMax) {
        channelSpecs.add(new ChannelSpec(label, role, physicalMin, physicalMax));
        return this;
    }

    /** @since 0.2.0 */
    public FakeDriver capabilities(DriverCapabilities value) {
        this.capabilities = value;
        return this;
    }

    /**
     * The stimulation the driver suggests; the engine runs it unless the caller gives another.
     *
     * @since 0.2.0
     */
    public FakeDriver suggest(StimulationProgram program) {
        this.suggested = program;
        return this;
    }

    /**
     * Before each block, fires the stimuli {@link DriverContext#dueStimuli} hands out and reports each
     * as delivered at its planned sample.
     *
     * @since 0.2.0
     */
    public FakeDriver firesDueStimuli() {
        this.firesDueStimuli = true;
        return this;
    }

    /**
     * One block of the given samples ({@code samples[channel][i]}, µV) at the next sample index.
     *
     * @since 0.2.0
     */
    public FakeDriver block(float[][] samples) {
        float[][] copy = new float[samples.length][];
        for (int c = 0; c < samples.length; c++) {
            copy[c] = samples[c].clone();
        }
        script.add(ctx -> ctx.block(copy.length, copy[0].length, (c, i) -> copy[c][(int) (i - ctx.next)]));
        return this;
    }

    /**
     * {@code count} blocks of {@code blockSize} samples per channel, values from {@code signal}.
     *
     * @since 0.2.0
     */
    public FakeDriver blocks(int count, int blockSize, Signal signal) {
        for (int b = 0; b < count; b++) {
            script.add(ctx -> ctx.block(ctx.channelCount(), blockSize, signal));
        }
        return this;
    }

    /**
     * Blocks of {@code blockSize} samples from {@code signal} until {@code seconds} of signal
     * (the last block may be shorter).
     *
     * @since 0.2.0
     */
    public FakeDriver seconds(double seconds, int blockSize, Signal signal) {
        script.add(ctx -> {
            long end = ctx.next + Math.round(seconds * ctx.rate());
            while (ctx.next < end && !ctx.context.isStopRequested()) {
                ctx.block(ctx.channelCount(), (int) Math.min(blockSize, end - ctx.next), signal);
            }
        });
        return this;
    }

    /**
     * Reports a stimulus as delivered (before the next block).
     *
     * @since 0.2.0
     */
    public FakeDriver stimulus(StimulusEvent event) {
        script.add(ctx -> ctx.context.stimulus(event));
        return this;
    }

    /** @since 0.2.0 */
    public FakeDriver health(DriverHealth report) {
        script.add(ctx -> ctx.context.health(report));
        return this;
    }

    /** @since 0.2.0 */
    public FakeDriver annotation(Annotation annotation) {
        script.add(ctx -> ctx.context.annotation(annotation));
        return this;
    }

    /**
     * The next block starts {@code samples} later than the sample clock says: samples lost in the
     * device (the engine turns it into a {@link org.openionm.core.model.DataGap}).
     *
     * @since 0.2.0
     */
    public FakeDriver skip(long samples) {
        script.add(ctx -> ctx.next += samples);
        return this;
    }

    /**
     * The device fails: {@link #run} throws an {@link IllegalStateException} with {@code message}.
     *
     * @since 0.2.0
     */
    public FakeDriver fail(String message) {
        script.add(ctx -> {
            throw new IllegalStateException(message);
        });
        return this;
    }

    /**
     * The device stops sending but does not return until asked to stop (or interrupted), like a
     * hung USB transfer; {@link #awaitStalled} tells when it got there.
     *
     * @since 0.2.0
     */
    public FakeDriver stall() {
        script.add(ctx -> {
            stalled.countDown();
            while (!ctx.context.isStopRequested()) {
                try {
                    Thread.sleep(1); // a device waiting for data: nothing to wait on but time
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        });
        return this;
    }

    /**
     * Waits until the script reached a {@link #stall()}.
     *
     * @return false when it did not within the timeout
     * @since 0.2.0
     */
    public boolean awaitStalled(long timeout, TimeUnit unit) throws InterruptedException {
        return stalled.await(timeout, unit);
    }

    /** Blocks handed to the context so far. @since 0.2.0 */
    public int blocksDelivered() {
        return blocksDelivered;
    }

    /** The channels of the last {@link #configure}. @since 0.2.0 */
    public List<Channel> channels() {
        return configured;
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String displayName() {
        return "Fake amplifier " + id;
    }

    @Override
    public DriverCapabilities capabilities() {
        return capabilities;
    }

    @Override
    public Optional<StimulationProgram> suggestedStimulation() {
        return Optional.ofNullable(suggested);
    }

    @Override
    public List<Channel> configure(AcquisitionConfig config) {
        List<Channel> channels = new ArrayList<>();
        if (channelSpecs.isEmpty()) {
            for (int c = 0; c < config.channelCount(); c++) {
                channels.add(new Channel(c, "ch" + c, Channel.MICROVOLT, config.samplingRateHz(), -1e6, 1e6, ChannelRole.OTHER));
            }
        } else {
            for (int c = 0; c < Math.min(config.channelCount(), channelSpecs.size()); c++) {
                ChannelSpec s = channelSpecs.get(c);
                channels.add(new Channel(c, s.label(), Channel.MICROVOLT, config.samplingRateHz(), s.min(), s.max(), s.role()));
            }
        }
        configured = List.copyOf(channels);
        return configured;
    }

    @Override
    public void run(DriverContext context) {
        if (configured.isEmpty()) {
            throw new IllegalStateException("FakeDriver " + id + " was not configured");
        }
        Cursor cursor = new Cursor(context);
        for (Step step : script) {
            if (context.isStopRequested()) {
                return;
            }
            step.play(cursor);
        }
    }

    @FunctionalInterface
    private interface Step {
        void play(Cursor cursor);
    }

    /** Where the script is on the sample clock. */
    private final class Cursor {
        final DriverContext context;
        long next;

        Cursor(DriverContext context) {
            this.context = context;
        }

        int channelCount() {
            return configured.size();
        }

        double rate() {
            return configured.get(0).samplingRateHz();
        }

        void block(int channels, int size, Signal signal) {
            if (channels != configured.size()) {
                throw new IllegalStateException("a scripted block has " + channels + " channels, the driver was configured with "
                        + configured.size());
            }
            if (firesDueStimuli) {
                for (StimulusEvent due : context.dueStimuli(next + size)) {
                    context.stimulus(due);
                }
            }
            float[][] data = new float[channels][size];
            for (int c = 0; c < channels; c++) {
                for (int i = 0; i < size; i++) {
                    data[c][i] = signal.value(c, next + i);
                }
            }
            context.block(new SampleBlock(next, Math.round(next * 1e9 / rate()), data));
            next += size;
            blocksDelivered++;
        }
    }
}
