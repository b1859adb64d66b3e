package org.openionm.examples.tof;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.testkit.FakeDriver;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.Replay;
import org.openionm.testkit.ReplayResult;
import org.openionm.testkit.TestProcessorContext;

/**
 * Synthetic CMAPs of known amplitude after each pulse of a train-of-four: the processor must report
 * exactly those amplitudes, the count and T4/T1.
 */
class TofProcessorTest {

    private static final double FS = 5000;
    private static final String SITE = "ulnar.right";
    private static final String ADP = "ADP-R";
    /** Sample of the first pulse; pulses 500 ms (2500 samples) apart. */
    private static final long T1 = 1000;
    private static final long SPACING = 2500;

    @Test
    void fourResponsesGiveTheirAmplitudesCountFourAndRatioT4OverT1() {
        RecordingProcessorOutput out = run(Map.of(), 1000, 900, 800, 700);

        assertAmplitudes(out, 1000, 900, 800, 700);
        assertEquals(List.of(4.0), values(out, "count"));
        assertEquals(700.0 / 1000.0, values(out, "ratio").get(0), 1e-12);
        Measurement t1 = out.lastMeasurement(ADP, "T1");
        assertEquals(SITE, t1.site());
        assertEquals(T1 / FS, t1.timeSeconds(), 1e-12);
        // the CMAP's first extremum is 4 ms after its pulse (see cmap)
        assertEquals(4.0, t1.latencyMs(), 1e-9);
        assertEquals("unversioned", t1.provenance().producer(), "outside a host the context names no version");
        assertEquals("100", t1.provenance().settings().get(TofSettings.RESPONSE_MIN_UV));
        assertEquals("sequential", t1.provenance().settings().get(TofSettings.COUNT_RULE));
    }

    @Test
    void fadeBelowThePresenceCriterionLowersTheCountAndWithholdsTheRatio() {
        // T3 and T4 below the 100 µV criterion: count 2, no ratio at count < 4 (default)
        RecordingProcessorOutput out = run(Map.of(), 600, 300, 80, 40);

        assertAmplitudes(out, 600, 300, 80, 40);
        assertEquals(List.of(2.0), values(out, "count"));
        assertEquals(List.of(), values(out, "ratio"));
    }

    @Test
    void theSettingsChangeCountRuleRatioRuleAndCriterion() {
        // T3 absent but T4 present (not a physiological fade): sequential counts 2, "any" counts 3
        assertEquals(List.of(2.0), values(run(Map.of(), 500, 400, 50, 200), "count"));
        RecordingProcessorOutput any = run(Map.of(TofSettings.COUNT_RULE, TofSettings.ANY,
                TofSettings.RATIO_FOUR_ONLY, false, TofSettings.RESPONSE_MIN_UV, 60.0), 500, 400, 50, 200);
        assertEquals(List.of(3.0), values(any, "count"));
        assertEquals(200.0 / 500.0, values(any, "ratio").get(0), 1e-12);
        assertEquals("any", any.lastMeasurement(ADP, "T4").provenance().settings().get(TofSettings.COUNT_RULE));
    }

    @Test
    void aBaselineNormalisesTheRatio() {
        TofProcessor p = new TofProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        p.start(TestProcessorContext.withDefaults(p, List.of(muscle(0, ADP)), Map.of(), out));
        feed(p, 0, 1000, 950, 920, 900); // ratio 0.90
        p.captureBaseline(10);
        feed(p, 20 * (long) FS, 1000, 800, 650, 450); // ratio 0.45

        assertEquals(List.of(0.9, 0.45), values(out, "ratio").stream().map(v -> Math.round(v * 1e9) / 1e9).toList());
        List<Double> normalised = values(out, "ratio.normalised");
        assertEquals(1, normalised.size());
        assertEquals(0.45 / 0.9, normalised.get(0), 1e-9);
    }

    @Test
    void otherStimuliAndChannelsAreNotItsBusiness() {
        TofProcessor p = new TofProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        // an SSEP channel, a MEP muscle, the plugin's own role and an unlabelled adductor pollicis channel
        List<Channel> channels = List.of(channel(0, "CP3-Fz", ChannelRole.SSEP_CORTICAL), channel(1, "APB-L", ChannelRole.MEP_MUSCLE),
                channel(2, "thumb", TofProcessor.MUSCLE), channel(3, "AdP left", ChannelRole.EEG));
        p.start(TestProcessorContext.withDefaults(p, channels, Map.of(), out));
        // a TcMEP train (TRAIN, 5 pulses) and an SSEP stimulus are ignored
        p.onStimulus(new StimulusEvent("tcmep.C3C4", StimulationKind.TRAIN, T1, 400, "V", 50, 5, 4));
        p.onStimulus(StimulusEvent.single("median.left", T1, 25, "mA", 200));
        p.onStimulus(tof(T1));
        float[][] data = new float[4][(int) (T1 + 4 * SPACING)];
        for (int i = 0; i < data[0].length; i++) {
            data[2][i] = cmap(i, T1, new double[] {1000, 900, 800, 700});
            data[3][i] = cmap(i, T1, new double[] {2000, 1000, 500, 100});
        }
        p.onBlock(new SampleBlock(0, 0, data));

        assertEquals(List.of("T1", "T2", "T3", "T4", "T1", "T2", "T3", "T4"),
                out.measurements().stream().map(Measurement::component).toList(), "one TOF, read on two channels");
        assertEquals(700.0 / 1000.0, out.trend(SITE + "/thumb/ratio").get(0).value(), 1e-12);
        assertEquals(100.0 / 2000.0, out.trend(SITE + "/AdP left/ratio").get(0).value(), 1e-12);
    }

    @Test
    void aGapInsideTheTrainDropsIt() {
        TofProcessor p = new TofProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        p.start(TestProcessorContext.withDefaults(p, List.of(muscle(0, ADP)), Map.of(), out));
        p.onStimulus(tof(T1));
        p.onGap(new DataGap(T1 + SPACING, 100, "device"));
        p.onBlock(new SampleBlock(0, 0, new float[1][(int) (T1 + 4 * SPACING)]));
        assertEquals(List.of(), out.measurements());
    }

    @Test
    void settingsAreValidatedNamingTheSettingAndWhatItAllows() {
        TofProcessor p = new TofProcessor();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestProcessorContext.withDefaults(p, List.of(), Map.of(TofSettings.COUNT_RULE, "most"), null));
        assertTrue(e.getMessage().contains("TOF count") && e.getMessage().contains("sequential, any"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TofSettings.from(Map.of(TofSettings.BLANK_MS, 5.0,
                TofSettings.WINDOW_MS, 5.0)));
        assertTrue(e.getMessage().contains(TofSettings.BLANK_MS), e.getMessage());
    }

    /** Through the real engine, processor host and alarm manager, as in the workbench: a fake amplifier's TOF. */
    @Test
    void inAReplayThroughEngineAndHostTheTofIsMeasured() throws Exception {
        double[] amplitudes = {1000, 900, 800, 700};
        FakeDriver driver = new FakeDriver("tof-fake").channel(ADP, TofProcessor.MUSCLE)
                .block(new float[1][(int) T1])
                .stimulus(tof(T1))
                .seconds(3, 250, (c, i) -> cmap(i, T1, amplitudes));
        ReplayResult r = Replay.of(driver, new AcquisitionConfig(FS, 1, false, Map.of()))
                .processors(new TofProcessor())
                .settings(TofProcessor.ID, Map.of(TofSettings.WINDOW_MS, 15.0))
                .run();

        assertEquals(Map.of(), r.processorFailures());
        List<Measurement> measured = r.measurements().stream().filter(m -> m.modality().equals("tof")).toList();
        assertEquals(List.of(1000.0, 900.0, 800.0, 700.0), measured.stream().map(Measurement::amplitudeUv).toList());
        assertEquals("15", measured.get(0).provenance().settings().get(TofSettings.WINDOW_MS));
        assertEquals(List.of(4.0), r.trends().stream().filter(t -> t.series().equals(SITE + "/" + ADP + "/count"))
                .map(TrendPoint::value).toList());
    }

    // ---- synthetic data

    private static StimulusEvent tof(long sample) {
        return new StimulusEvent(SITE, StimulationKind.SINGLE, sample, 50, "mA", 200, 4, 500);
    }

    /**
     * A biphasic CMAP after each pulse: +A/2 at 4 ms, −A/2 at 8 ms (triangles 2 ms wide), so its
     * peak-to-peak amplitude is exactly A and its first extremum 4 ms after the pulse; zero elsewhere,
     * also at the pulse itself (no artefact).
     */
    private static float cmap(long i, long first, double[] amplitudes) {
        for (int k = 0; k < 4; k++) {
            long d = i - (first + k * SPACING);
            double ms = d * 1000 / FS;
            if (ms > 2 && ms < 6) {
                return (float) (amplitudes[k] / 2 * (1 - Math.abs(ms - 4) / 2));
            }
            if (ms > 6 && ms < 10) {
                return (float) (-amplitudes[k] / 2 * (1 - Math.abs(ms - 8) / 2));
            }
        }
        return 0;
    }

    private static RecordingProcessorOutput run(Map<String, ?> settings, double... amplitudes) {
        TofProcessor p = new TofProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        p.start(TestProcessorContext.withDefaults(p, List.of(muscle(0, ADP)), settings, out));
        feed(p, 0, amplitudes);
        return out;
    }

    /** A TOF at {@code offset + T1}, fed in blocks of 256 samples. */
    private static void feed(TofProcessor p, long offset, double... amplitudes) {
        p.onStimulus(tof(offset + T1));
        long end = offset + T1 + 4 * SPACING;
        for (long s = offset; s < end; s += 256) {
            float[] block = new float[(int) Math.min(256, end - s)];
            for (int i = 0; i < block.length; i++) {
                block[i] = cmap(s + i, offset + T1, amplitudes);
            }
            p.onBlock(new SampleBlock(s, 0, new float[][] {block}));
        }
    }

    private static void assertAmplitudes(RecordingProcessorOutput out, double... expected) {
        for (int k = 0; k < 4; k++) {
            assertEquals(expected[k], out.lastMeasurement(ADP, "T" + (k + 1)).amplitudeUv(), 1e-9, "T" + (k + 1));
        }
    }

    private static List<Double> values(RecordingProcessorOutput out, String what) {
        return out.trend(SITE + "/" + ADP + "/" + what).stream().map(TrendPoint::value).toList();
    }

    private static Channel muscle(int index, String label) {
        return channel(index, label, TofProcessor.MUSCLE);
    }

    private static Channel channel(int index, String label, ChannelRole role) {
        return new Channel(index, label, Channel.MICROVOLT, FS, -1e5, 1e5, role);
    }
}
