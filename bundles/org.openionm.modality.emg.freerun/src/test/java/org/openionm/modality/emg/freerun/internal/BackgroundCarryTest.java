package org.openionm.modality.emg.freerun.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.stimulation.StimulatorControl;
import org.openionm.testkit.RecordingProcessorOutput;

/**
 * Issue 16, item 1: a muscle's background level (the detection threshold follows it) is kept when the
 * next acquisition continues the case, so the threshold does not drop to its minimum for the seconds
 * the estimate needs to settle; a fresh start begins at the minimum (30 µV by default) again.
 */
class BackgroundCarryTest {

    static final double FS = 5000;
    final FreeRunProcessor processor = new FreeRunProcessor();
    final RecordingProcessorOutput out = new RecordingProcessorOutput();
    final List<Channel> channels = List.of(new Channel(0, "Facial-1", Channel.MICROVOLT, FS, -5000, 5000, ChannelRole.EMG_FREE_RUN));

    @Test
    void theThresholdStartsWhereItWasWhenTheCaseContinuesAndAtTheMinimumWhenFresh() {
        start(false);
        assertEquals(30, processor.thresholdUv("Facial-1"), 1e-9, "the minimum before any background was measured");
        // Gaussian, 8 µV RMS (about 7 µV after the 30–2250 Hz band): k × 1.25 × mean |x| ≈ 6 × 1.25 × 0.8 × 7 ≈ 42 µV
        noise(10, 8);
        double settled = processor.thresholdUv("Facial-1");
        assertTrue(settled > 35 && settled < 55, "threshold follows the background: " + settled);
        processor.stop();

        start(true);
        assertEquals(settled, processor.thresholdUv("Facial-1"), 1e-9, "continued: the threshold it had");
        processor.stop();

        start(false);
        assertEquals(30, processor.thresholdUv("Facial-1"), 1e-9, "fresh: back to the minimum");
    }

    private void noise(double seconds, double rmsUv) {
        Random random = new Random(11);
        int block = (int) (FS / 100);
        for (long i = 0; i < seconds * FS; i += block) {
            float[] x = new float[block];
            for (int k = 0; k < block; k++) {
                x[k] = (float) (rmsUv * random.nextGaussian());
            }
            processor.onBlock(new SampleBlock(i, 0, new float[][] { x }));
        }
    }

    private void start(boolean continues) {
        processor.start(new ProcessorContext() {
            @Override
            public boolean continuesCase() {
                return continues;
            }

            @Override
            public List<Channel> channels() {
                return channels;
            }

            @Override
            public Map<String, ?> settings() {
                return Map.of();
            }

            @Override
            public ProcessorOutput output() {
                return out;
            }

            @Override
            public StimulatorControl stimulator() {
                return StimulatorControl.NONE;
            }
        });
    }
}
