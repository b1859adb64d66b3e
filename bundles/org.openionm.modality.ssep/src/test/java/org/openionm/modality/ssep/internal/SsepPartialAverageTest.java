package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/**
 * While the first window of 500 sweeps fills, the processor publishes the running average every 15
 * sweeps (issue 13: Live is not blank for the first minutes), with its sweep count, and measures and
 * judges nothing on it; the first full average comes exactly when it came before.
 * <p>
 * The mean is checked against a hand-computed one: noise-free sweeps whose cortical amplitude
 * alternates 1, 3, 1, 3, … (× the true N20/P25). After 15 sweeps (8 × 1, 7 × 3) the mean amplitude is
 * 29/15, after 30 it is 2. The filter is linear, so the partial average must equal the one of a run
 * whose every sweep has that amplitude.
 */
class SsepPartialAverageTest {

    private static List<AverageTrace> run(double[] amplitudes, RecordingProcessorOutput out, int sweeps) {
        SsepProcessor processor = new SsepProcessor();
        Synthetic data = new Synthetic(1, 0);
        processor.start(new TestProcessorContext(data.channels, Map.of(), out));
        for (int i = 0; i < sweeps; i++) {
            data.corticalAmp = amplitudes[i % amplitudes.length];
            data.sweep(processor, 0);
        }
        return out.partialAverages().stream().filter(a -> a.channel().equals(Synthetic.CONTRA)).toList();
    }

    @Test
    void theRunningAverageIsPublishedWithItsCountAndIsTheMeanOfTheSweepsSoFar() {
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        List<AverageTrace> partial = run(new double[] {1, 3}, out, 499);
        assertEquals(33, partial.size(), "every 15 sweeps up to 495 of 500");
        for (int k = 0; k < partial.size(); k++) {
            AverageTrace a = partial.get(k);
            assertEquals(15 * (k + 1), a.sweepsUsed());
            assertEquals(0, a.sweepsRejected());
            assertEquals("500", a.provenance().settings().get("sweeps.target"));
            assertEquals("true", a.provenance().settings().get("partial"));
            assertTrue(a.provenance().settings().get("filter").contains("30–1000 Hz"), a.provenance().describe());
        }
        assertEquals(List.of(), out.averages(), "no full average before 500 sweeps");
        assertEquals(List.of(), out.measurements(), "nothing is measured on a running average");
        assertEquals(List.of(), out.alarms(), "nothing is judged on a running average");

        assertSameTrace(run(new double[] {29.0 / 15}, new RecordingProcessorOutput(), 15).get(0), partial.get(0),
                "15 sweeps: (8 × 1 + 7 × 3) / 15");
        assertSameTrace(run(new double[] {2}, new RecordingProcessorOutput(), 30).get(1), partial.get(1), "30 sweeps: 2");
    }

    @Test
    void theFirstFullAverageComesAtTheSameSweepAndNoRunningAverageAfterIt() {
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        run(new double[] {1}, out, 500);
        assertEquals(4, out.averages().size(), "the first full average, one per channel, at sweep 500");
        assertEquals(500, out.averages().get(0).sweepsUsed());
        int partialsAt500 = out.partialAverages().size();
        assertEquals(4 * 33, partialsAt500);
        SsepProcessor processor = new SsepProcessor();
        Synthetic data = new Synthetic(1, 0);
        RecordingProcessorOutput later = new RecordingProcessorOutput();
        processor.start(new TestProcessorContext(data.channels, Map.of(), later));
        data.sweeps(processor, 560);
        assertEquals(4 * 33, later.partialAverages().size(), "none once the window is full");
        assertEquals(4 * 5, later.averages().size(), "moving averages at 500, 515, 530, 545, 560 as before");
    }

    private static void assertSameTrace(AverageTrace expected, AverageTrace actual, String what) {
        assertEquals(expected.sweepsUsed(), actual.sweepsUsed(), what);
        float[] e = expected.samplesUv();
        float[] a = actual.samplesUv();
        assertEquals(e.length, a.length);
        double peak = 0;
        for (float v : e) {
            peak = Math.max(peak, Math.abs(v));
        }
        assertTrue(peak > 1, what + ": a response to compare (peak " + peak + " µV)");
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], a[i], 1e-4 * peak, what + ", sample " + i);
        }
    }
}
