package org.openionm.modality.emg.triggered.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.core.stimulation.StimulatorControl;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/**
 * Drives a {@link TriggeredEmgProcessor} like the engine does: 10 kHz, blocks of 10 ms, each stimulus
 * reported before the block that holds it. Each {@link #stimulus} is 100 ms of seeded noise (2 µV
 * RMS) with the stimulus 20 ms in, a 3 mV artifact that has decayed within 1 ms, and a biphasic CMAP
 * of the given peak-to-peak, onset 12 ms after the stimulus, in each listed muscle.
 */
final class Bench {

    static final double FS = 10_000;
    static final List<String> LABELS = List.of("EHL-L", "Gastroc-L");
    static final double ONSET_MS = 12;

    final TriggeredEmgProcessor processor = new TriggeredEmgProcessor();
    final RecordingProcessorOutput out = new RecordingProcessorOutput();
    /** Ramp stops the processor asked for, in order. */
    final List<String> stops = new ArrayList<>();
    StimulationKind kind = StimulationKind.RAMP;
    private final Random random = new Random(7);
    private long cursor;

    Bench(Map<String, ?> settings) {
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < LABELS.size(); i++) {
            channels.add(new Channel(i, LABELS.get(i), Channel.MICROVOLT, FS, -20_000, 20_000, ChannelRole.EMG_TRIGGERED));
        }
        // a muscle of another role is not read
        channels.add(new Channel(LABELS.size(), "TA-L", Channel.MICROVOLT, FS, -20_000, 20_000, ChannelRole.MEP_MUSCLE));
        ProcessorContext base = TestProcessorContext.withDefaults(processor, channels, settings, out);
        processor.start(new ProcessorContext() {
            @Override public List<Channel> channels() { return base.channels(); }
            @Override public Map<String, ?> settings() { return base.settings(); }
            @Override public ProcessorOutput output() { return out; }
            @Override public StimulatorControl stimulator() {
                return new StimulatorControl() {
                    @Override public void trigger(String siteId) { throw new IllegalArgumentException(siteId); }
                    @Override public void startRamp(String siteId) { throw new IllegalArgumentException(siteId); }
                    @Override public void stopRamp(String siteId) { stops.add(siteId); }
                };
            }
        });
    }

    Bench() {
        this(Map.of());
    }

    /** One stimulus at {@code site}; {@code cmaps} maps muscle label to CMAP peak-to-peak (µV). */
    void stimulus(String site, double intensityMa, Map<String, Double> cmaps) {
        int n = (int) (0.1 * FS);
        int stim = (int) (0.02 * FS);
        int onset = stim + (int) Math.round(ONSET_MS * FS / 1000);
        float[][] data = new float[LABELS.size() + 1][n];
        for (float[] ch : data) {
            for (int i = 0; i < n; i++) {
                ch[i] = (float) (2 * random.nextGaussian());
            }
            for (int i = 0; i < 20; i++) {
                ch[stim + i] += (float) (3000 * Math.exp(-i / 1.5)); // 0.15 ms time constant
            }
        }
        cmaps.forEach((label, p2p) -> {
            float[] ch = data[LABELS.indexOf(label)];
            double[] shape = new double[200];
            double lo = 0;
            double hi = 0;
            for (int i = 0; i < shape.length; i++) {
                double ms = i / (FS / 1000);
                shape[i] = -Math.exp(-0.5 * Math.pow((ms - 4.2) / 1.2, 2)) + 0.6 * Math.exp(-0.5 * Math.pow((ms - 7.5) / 1.8, 2));
                lo = Math.min(lo, shape[i]);
                hi = Math.max(hi, shape[i]);
            }
            for (int i = 0; i < shape.length; i++) {
                ch[onset + i] += (float) (shape[i] * p2p / (hi - lo));
            }
        });
        processor.onStimulus(new StimulusEvent(site, kind, cursor + stim, intensityMa, "mA", 200, 1, 0));
        int block = (int) (0.01 * FS);
        for (int b = 0; b < n; b += block) {
            float[][] part = new float[data.length][];
            for (int c = 0; c < data.length; c++) {
                part[c] = java.util.Arrays.copyOfRange(data[c], b, b + block);
            }
            processor.onBlock(new SampleBlock(cursor + b, 0, part));
        }
        cursor += n;
    }

    /**
     * A ramp from {@code start} by {@code step} up to {@code max}; muscle {@code label} answers from
     * {@code thresholdMa} on with 250 µV, growing 50 µV per step. Stops when the processor asks.
     */
    void ramp(String site, double start, double step, double max, String label, double thresholdMa) {
        int before = stops.size();
        for (int k = 0; start + k * step <= max + 1e-9 && stops.size() == before; k++) {
            double mA = start + k * step;
            stimulus(site, mA, mA >= thresholdMa - 1e-9 ? Map.of(label, 250 + 50 * (mA - thresholdMa) / step) : Map.of());
        }
    }
}
