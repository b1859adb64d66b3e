package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/**
 * The sequential test (CUSUM on single-sweep projections): an advisory LOW "possible change" long
 * before the moving average confirms a −60 % drop where single sweeps carry the response clearly
 * (Synthetic: 2 µV components in 2 µV noise), none on a stable run, and the threshold from Siegmund's
 * approximation.
 */
class SsepSequentialTest {

    static final int N = 100;

    static List<AlarmCondition> low(RecordingProcessorOutput out) {
        return out.alarms().stream().filter(a -> a.priority() == AlarmCondition.Priority.LOW).toList();
    }

    @Test
    void aSixtyPercentDropIsFlaggedWithinAFewSweepsAndBeforeTheAlarm() {
        SsepProcessor p = new SsepProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        Synthetic data = new Synthetic(5, 2);
        p.start(new TestProcessorContext(data.channels, Map.of(SsepSettings.UPPER_SWEEPS, (double) N,
                SsepSettings.UPDATE_SWEEPS, 10.0, SsepSettings.SEQUENTIAL, true), out)); // off by default
        data.sweeps(p, N);
        p.captureBaseline(data.nowSeconds());
        data.sweeps(p, 20 * N); // stable: 2000 sweeps, no flag
        assertEquals(List.of(), out.alarms());
        double changeAt = data.nowSeconds();
        data.corticalAmp = 0.4;
        int sweeps = 0;
        while (low(out).isEmpty() && sweeps < N) {
            data.sweep(p, 0);
            sweeps++;
        }
        assertEquals(1, low(out).size(), "flagged");
        AlarmCondition flag = low(out).get(0);
        assertTrue(flag.active());
        assertEquals(Synthetic.CONTRA, flag.channel());
        assertTrue(flag.criterion().startsWith("Possible change (advisory): sequential test (CUSUM)"), flag.criterion());
        assertTrue(sweeps <= 10, "flagged after " + sweeps + " sweeps");
        assertTrue(flag.timeSeconds() > changeAt);
        data.sweeps(p, 2 * N); // the moving average must fill with changed sweeps and confirm twice
        AlarmCondition high = out.alarms().stream().filter(a -> a.priority() == AlarmCondition.Priority.HIGH).findFirst()
                .orElseThrow();
        assertTrue(high.timeSeconds() > flag.timeSeconds(), "the moving average confirms later");
        // recovery: the flag clears once a whole window after it reads recovered
        data.corticalAmp = 1;
        data.sweeps(p, 3 * N);
        assertFalse(low(out).get(low(out).size() - 1).active(), "advisory cleared after recovery");
    }

    @Test
    void thresholdMatchesSiegmundsRunLength() {
        double k = 0.5;
        double h = SequentialDetector.thresholdFor(k, 1e6);
        double b = 2 * k * (h + 1.166);
        assertEquals(1e6, (Math.exp(b) - b - 1) / (2 * k * k), 1);
        assertTrue(SequentialDetector.thresholdFor(0.1, 1e6) > h, "a weaker response needs a higher bar");
    }

    @Test
    void inControlNoFlagOnCleanSweeps() {
        double[] baseline = new double[500];
        java.util.Random rng = new java.util.Random(3);
        for (int i = 0; i < baseline.length; i++) {
            baseline[i] = 1 + 0.5 * rng.nextGaussian();
        }
        SequentialDetector d = new SequentialDetector(baseline, 50, 1e7);
        for (int i = 0; i < 100_000; i++) {
            assertFalse(d.offer(1 + 0.5 * rng.nextGaussian()), "false flag at sweep " + i);
        }
        int n = 0;
        while (!d.offer(0.5 + 0.5 * rng.nextGaussian())) {
            n++;
        }
        System.out.printf("step of 1 SD flagged after %d sweeps (expected about %.0f)%n", n, d.expectedDelaySweeps());
        assertTrue(n < 3 * d.expectedDelaySweeps(), "flagged after " + n);
    }
}
