package org.openionm.testkit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.SettingDescriptor;

/**
 * A trivial modality: counts what it is fed, publishes the count as a measurement when stopped,
 * raises an alarm condition while channel 0 is above {@code alarm.threshold.uv} and clears it when
 * it falls back, and publishes a one-sample "baseline" trace at capture.
 */
class CountingProcessor implements ModalityProcessor {

    static final String THRESHOLD = "alarm.threshold.uv";

    final List<StimulusEvent> stimuli = new ArrayList<>();
    final List<DataGap> gaps = new ArrayList<>();
    final List<Double> baselineTimes = new ArrayList<>();
    long samples;
    double threshold;
    private ProcessorContext context;
    private boolean above;
    private double rate;

    @Override
    public String id() {
        return "counting";
    }

    @Override
    public String displayName() {
        return "Counting";
    }

    @Override
    public Set<ChannelRole> acceptedRoles() {
        return Set.of(ChannelRole.OTHER);
    }

    @Override
    public List<SettingDescriptor> settings() {
        return List.of(new SettingDescriptor(THRESHOLD, "Alarm threshold", "uV", 0, 1e6, 500, false, "test"));
    }

    @Override
    public void start(ProcessorContext ctx) {
        context = ctx;
        threshold = ctx.number(THRESHOLD);
        rate = ctx.channels().get(0).samplingRateHz();
    }

    @Override
    public void onBlock(SampleBlock block) {
        for (int i = 0; i < block.sampleCount(); i++) {
            boolean now = block.sample(0, i) > threshold;
            if (now != above) {
                above = now;
                long at = block.firstSampleIndex() + i;
                context.output().alarm(new AlarmCondition(at / rate, id(), "site", "ch0", "above threshold",
                        AlarmCondition.Priority.HIGH, now, "value " + block.sample(0, i), "threshold " + threshold,
                        new Provenance(id(), Map.of(THRESHOLD, Double.toString(threshold)))));
            }
        }
        samples += block.sampleCount();
    }

    @Override
    public void onStimulus(StimulusEvent event) {
        stimuli.add(event);
    }

    @Override
    public void onGap(DataGap gap) {
        gaps.add(gap);
    }

    @Override
    public void captureBaseline(double caseTimeSeconds) {
        baselineTimes.add(caseTimeSeconds);
        context.output().baseline(new AverageTrace(caseTimeSeconds, id(), "site", "ch0", new float[] { 1 }, rate, 0, 0,
                new Provenance(id(), Map.of())));
    }

    @Override
    public void stop() {
        context.output().measurement(new Measurement(samples / rate, id(), "site", "ch0", "samples", 0, samples, 0, 0,
                new Provenance(id(), Map.of())));
    }
}
