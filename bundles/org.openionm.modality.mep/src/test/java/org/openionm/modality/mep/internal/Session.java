package org.openionm.modality.mep.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/**
 * Drives a {@link MepProcessor} like the engine does: 10 kHz blocks of 10 ms, each train reported
 * before the block that holds it. Each {@link #train} call produces 500 ms of seeded noise
 * (2 µV RMS), a train of pulses with large artifact spikes 100 ms in, and the given responses.
 */
final class Session {

    static final double FS = 10_000;
    static final String RIGHT = "tcmep.C3C4";
    static final String LEFT = "tcmep.C4C3";
    static final List<String> LABELS = List.of("APB-L", "APB-R", "TA-L", "TA-R", "AH-L", "AH-R");
    static final int PULSES = 5;
    static final double ISI_MS = 3;

    final MepProcessor processor = new MepProcessor();
    /** What the stimuli of the next {@link #train} calls are declared to be. */
    StimulationKind kind = StimulationKind.TRAIN;
    final RecordingProcessorOutput out = new RecordingProcessorOutput();
    private final Random random = new Random(42);
    private long cursor;

    /**
     * @param settings overrides; the immediate repeat train is off unless they ask for it, so the
     *                 criteria are tested train by train ({@link RepeatTrainTest} tests the repeat)
     */
    Session(Map<String, ?> settings) {
        this(settings, org.openionm.core.stimulation.StimulatorControl.NONE);
    }

    Session(Map<String, ?> settings, org.openionm.core.stimulation.StimulatorControl stimulator) {
        List<Channel> channels = new ArrayList<>();
        for (int i = 0; i < LABELS.size(); i++) {
            channels.add(new Channel(i, LABELS.get(i), Channel.MICROVOLT, FS, -20_000, 20_000, ChannelRole.MEP_MUSCLE));
        }
        // a channel of another role must be ignored
        channels.add(new Channel(LABELS.size(), "CP3-Fz", Channel.MICROVOLT, FS, -500, 500, ChannelRole.SSEP_CORTICAL));
        Map<String, Object> effective = new java.util.HashMap<>(settings);
        effective.putIfAbsent(MepSettings.REPEAT_TRAIN, false);
        context = new TestProcessorContext(channels, effective, out);
        this.stimulator = stimulator;
        start(false);
    }

    private final TestProcessorContext context;
    private final org.openionm.core.stimulation.StimulatorControl stimulator;

    /** A new acquisition of the same channels, its samples from 0: continuing the case or fresh (issue 16). */
    void restart(boolean continuesCase) {
        cursor = 0;
        start(continuesCase);
    }

    private void start(boolean continuesCase) {
        processor.start(new org.openionm.core.processing.ProcessorContext() {
            @Override
            public boolean continuesCase() {
                return continuesCase;
            }

            @Override
            public List<Channel> channels() {
                return context.channels();
            }

            @Override
            public Map<String, ?> settings() {
                return context.settings();
            }

            @Override
            public org.openionm.core.processing.ProcessorOutput output() {
                return context.output();
            }

            @Override
            public org.openionm.core.stimulation.StimulatorControl stimulator() {
                return stimulator;
            }
        });
    }

    Session() {
        this(Map.of());
    }

    /** One train at {@code site}; {@code responses} maps muscle label to its response. */
    void train(String site, double intensityV, Map<String, Wave> responses) {
        train(site, intensityV, responses, -1, -1);
    }

    /** As {@link #train}, but blocks starting in [gapFromMs, gapToMs) of the segment never arrive. */
    void train(String site, double intensityV, Map<String, Wave> responses, double gapFromMs, double gapToMs) {
        int n = (int) (0.5 * FS);
        int stim = (int) (0.1 * FS);
        float[][] x = new float[LABELS.size() + 1][n];
        for (float[] ch : x) {
            for (int i = 0; i < n; i++) {
                ch[i] = (float) (2.0 * random.nextGaussian());
            }
        }
        for (int p = 0; p < PULSES; p++) {
            int at = stim + (int) Math.round(p * ISI_MS * FS / 1000);
            for (float[] ch : x) {
                for (int i = 0; i < 5; i++) {
                    ch[at + i] += (float) (3000 * Math.exp(-i));
                }
            }
        }
        responses.forEach((label, w) -> {
            float[] ch = x[LABELS.indexOf(label)];
            for (int i = stim; i < n; i++) {
                ch[i] += (float) w.valueAt((i - stim) * 1000 / FS);
            }
        });
        StimulusEvent event = new StimulusEvent(site, kind, cursor + stim, intensityV, "V", 50, PULSES, ISI_MS);
        int block = 100;
        for (int off = 0; off < n; off += block) {
            if (stim >= off && stim < off + block) {
                processor.onStimulus(event);
            }
            double ms = off * 1000 / FS;
            if (ms >= gapFromMs && ms < gapToMs) {
                if (ms - gapFromMs < 1000 * block / FS) {
                    int missing = (int) Math.round((gapToMs - gapFromMs) * FS / 1000);
                    processor.onGap(new DataGap(cursor + off, missing, "test: amplifier dropped samples"));
                }
                continue;
            }
            float[][] b = new float[x.length][];
            for (int c = 0; c < x.length; c++) {
                b[c] = java.util.Arrays.copyOfRange(x[c], off, off + block);
            }
            processor.onBlock(new SampleBlock(cursor + off, 0, b));
        }
        cursor += n;
    }

    double caseTime() {
        return cursor / FS;
    }

    /** Typical right-side responses (C3C4), zero net area so the high-pass adds no phase. */
    static Map<String, Wave> rightResponses(double factor) {
        return Map.of("APB-R", apb().scaled(factor), "TA-R", ta().scaled(factor), "AH-R", ah().scaled(factor));
    }

    static Wave apb() {
        return new Wave(21, 2, 400, 0.5, 1, 0.5);
    }

    static Wave ta() {
        return new Wave(30, 2.5, 300, 0.5, 1, 1, 0.5);
    }

    static Wave ah() {
        return new Wave(42, 2, 250, 0.3, 0.8, 1, 0.8, 0.3);
    }
}
