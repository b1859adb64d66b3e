package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/**
 * Issue 17, unbiased amplitude: N20–P25 at single-sweep SNR 0.2 (2 µV components in 10 µV white
 * noise), default 500-sweep averages, cortical amplitude scaled by −30 … −90 %. Over five seeds the
 * projection on the baseline waveform is within 5 points of the truth at every change; the
 * peak-to-peak reads a fading response too large (noise always offers a peak).
 */
class SsepAmplitudeBiasTest {

    static final int N = 500;
    static final int SEEDS = 5;

    @Test
    void projectionIsUnbiasedFromThirtyToNinetyPercentWherePeakPickingIsNot() {
        double worstProjection = 0;
        double peakAtNinety = Double.NaN;
        for (int change : new int[] { -30, -50, -60, -80, -90 }) {
            double proj = 0, peak = 0;
            for (long seed = 1; seed <= SEEDS; seed++) {
                double[] r = run(seed, 1 + change / 100.0);
                proj += r[0] / SEEDS;
                peak += r[1] / SEEDS;
            }
            System.out.printf("true %d %%: projection %.1f %%, peak-to-peak %.1f %% (mean of %d seeds)%n", change, proj, peak,
                    SEEDS);
            assertEquals(change, proj, 5, "projection at " + change + " %");
            worstProjection = Math.max(worstProjection, Math.abs(proj - change));
            if (change == -90) {
                peakAtNinety = peak;
            }
        }
        assertTrue(peakAtNinety - -90 > worstProjection,
                "peak picking reads a fading response too large: " + peakAtNinety + " % for a true -90 %");
    }

    /** {projection change, peak-to-peak change (−100 when no peak)} of the first fully changed average. */
    private static double[] run(long seed, double factor) {
        SsepProcessor p = new SsepProcessor();
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        Synthetic data = new Synthetic(seed, 10);
        p.start(new TestProcessorContext(data.channels, Map.of(SsepSettings.UPDATE_SWEEPS, (double) N,
                SsepSettings.SEQUENTIAL, false), out));
        data.sweeps(p, N);
        p.captureBaseline(data.nowSeconds());
        data.corticalAmp = factor;
        data.sweeps(p, N);
        AverageTrace last = out.averages().stream().filter(a -> a.channel().equals(Synthetic.CONTRA))
                .reduce((a, b) -> b).orElseThrow();
        double proj = Double.parseDouble(last.provenance().settings().get("amplitude.projection.change.percent"));
        Measurement m = out.lastMeasurement(Synthetic.CONTRA, "N20");
        double peak = m == null || m.timeSeconds() < last.timeSeconds() ? -100
                : Double.parseDouble(m.provenance().settings().get("amplitude.peak.change.percent"));
        return new double[] { proj, peak };
    }
}
