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
    /** Seconds between TcMEP trains (alternating anodes, from half an interval on); 0 for none. */
    private double trainEverySeconds;
    private int trainsFired;

    private SimulatorFeed(EegProcessor processor, double seconds, double baselineAt) {
        this.processor = processor;
        this.stopAt = Math.round(seconds * RATE);
        this.baselineAt = baselineAt;
    }

    /** Runs {@code scenario} (a bundled name or a file) for {@code seconds}; returns the ground truth. */
    static List<Annotation> run(String scenario, double seconds, double baselineAt, Map<String, ?> settings,
            ProcessorOutput output) throws Exception {
        return run(scenario, seconds, baselineAt, 0, settings, output);
    }

    /** As {@link #run(String, double, double, Map, ProcessorOutput)}, with a TcMEP train every {@code trainEverySeconds}. */
    static List<Annotation> run(String scenario, double seconds, double baselineAt, double trainEverySeconds,
            Map<String, ?> settings, ProcessorOutput output) throws Exception {
        SimulatedAmplifier amp = new SimulatedAmplifier();
        List<Channel> channels = amp.configure(new AcquisitionConfig(RATE, CHANNELS, false, Map.of("scenario", scenario)));
        EegProcessor processor = new EegProcessor();
        processor.start(TestProcessorContext.withDefaults(processor, channels, settings, output));
        SimulatorFeed feed = new SimulatorFeed(processor, seconds, baselineAt);
        feed.trainEverySeconds = trainEverySeconds;
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
        if (trainEverySeconds <= 0) {
            return List.of();
        }
        List<StimulusEvent> due = new ArrayList<>();
        long next;
        while ((next = trainSample(trainsFired)) < endSampleIndex) {
            // 5 pulses of 50 us, 4 ms apart, 350 V: a usual TcMEP train
            due.add(new StimulusEvent(trainsFired % 2 == 0 ? "tcmep.C3C4" : "tcmep.C4C3",
                    org.openionm.core.stimulation.StimulationKind.TRAIN, next, 350, "V", 50, 5, 4));
            trainsFired++;
        }
        return due;
    }

    /** Sample of the k-th train. */
    long trainSample(int k) {
        return Math.round((k + 0.5) * trainEverySeconds * RATE);
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
