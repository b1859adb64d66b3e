package org.openionm.modality.eeg.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.testkit.TestProcessorContext;

/**
 * Runs the simulator straight into an {@link EegProcessor}, block by block, as fast as it computes
 * (hours of EEG in seconds), with no stimulation: EEG needs none. Captures the baseline at a given
 * case time, between blocks, as the host does; keeps the ground-truth annotations.
 */
final class SimulatorFeed implements DriverContext {

    static final double RATE = 500;
    /** The first 30 simulator channels hold all its scalp EEG (C3, C4, F3, F4, P3, P4, O1, O2 against Cz). */
    static final int CHANNELS = 30;

    private final EegProcessor processor;
    private final long stopAt;
    private final double baselineAt;
    private final List<Annotation> annotations = new ArrayList<>();
    private boolean baselineTaken;

    private SimulatorFeed(EegProcessor processor, double seconds, double baselineAt) {
        this.processor = processor;
        this.stopAt = Math.round(seconds * RATE);
        this.baselineAt = baselineAt;
    }

    /** Runs {@code scenario} (a bundled name or a file) for {@code seconds}; returns the ground truth. */
    static List<Annotation> run(String scenario, double seconds, double baselineAt, Map<String, ?> settings,
            ProcessorOutput output) throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(RATE, CHANNELS, false, Map.of("scenario", scenario)));
        EegProcessor processor = new EegProcessor();
        processor.start(TestProcessorContext.withDefaults(processor, channels, settings, output));
        SimulatorFeed feed = new SimulatorFeed(processor, seconds, baselineAt);
        amp.run(feed);
        processor.stop();
        return feed.annotations;
    }

    private long position;

    @Override
    public void block(SampleBlock block) {
        if (!baselineTaken && block.firstSampleIndex() >= baselineAt * RATE) {
            processor.captureBaseline(block.firstSampleIndex() / RATE);
            baselineTaken = true;
        }
        processor.onBlock(block);
        position = block.endSampleIndex();
    }

    @Override
    public void stimulus(StimulusEvent event) {
        processor.onStimulus(event);
    }

    @Override
    public void annotation(Annotation annotation) {
        annotations.add(annotation);
    }

    @Override
    public List<StimulusEvent> dueStimuli(long endSampleIndex) {
        return List.of();
    }

    @Override
    public void health(DriverHealth health) {
        // the processor judges saturation and flat lines from the samples themselves
    }

    @Override
    public boolean isStopRequested() {
        return position >= stopAt;
    }
}
