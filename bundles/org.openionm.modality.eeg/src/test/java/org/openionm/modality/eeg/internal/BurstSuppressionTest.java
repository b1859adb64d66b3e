package org.openionm.modality.eeg.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.core.model.Annotation;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.Measurement;
import org.openionm.testkit.RecordingProcessorOutput;

/**
 * The burst suppression ratio against the simulator's ground truth: every suppression is annotated
 * ({@code annotateSuppressions}), so the true ratio of any 60-s window is known — by the same
 * definition (suppressions of at least 0.5 s; Rampil 1998) — across 0–80 %: the steps 55, 70 and 82 %
 * and the 60-s window sliding onto and off them cover it. Scripted ratios below ~45 % make suppressions
 * barely longer than 0.5 s, which the simulator's 30-ms transitions shorten below the criterion, so
 * the detector then reads several points low (35 % scripted: truth 9 %, measured 3.5 %).
 */
class BurstSuppressionTest {

    @TempDir
    Path dir;

    @Test
    void ratioIsWithinFivePointsOfTheTruthFromZeroToEightyPercent() throws Exception {
        Path file = Files.writeString(dir.resolve("bsr-steps.yaml"), """
                durationSeconds: 1100
                signals: {mainsMicrovolts: 5}
                events:
                  - {at: 300, type: burst-suppression, enabled: true, suppressionPercent: 55, annotateSuppressions: true}
                  - {at: 500, type: burst-suppression, enabled: true, suppressionPercent: 70, annotateSuppressions: true}
                  - {at: 700, type: burst-suppression, enabled: true, suppressionPercent: 82, annotateSuppressions: true}
                  - {at: 900, type: burst-suppression, enabled: false}
                """);
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        List<Annotation> truth = SimulatorFeed.run(file.toString(), 1100, Double.NaN, Map.of(), out);
        List<double[]> suppressions = suppressions(truth, SimulatorFeed.RATE);
        double window = 60;
        List<Measurement> bsr = out.measurements("C3-Cz", "BSR");
        assertTrue(bsr.size() > 500, "a BSR every epoch once 30 s are valid: " + bsr.size());
        double lowest = 100;
        double highest = 0;
        double worst = 0;
        for (Measurement m : bsr) {
            double t = m.timeSeconds();
            if (t < window) {
                continue;
            }
            double expected = 100 * covered(suppressions, t - window, t, 0.5) / window;
            worst = Math.max(worst, Math.abs(m.value() - expected));
            assertEquals(expected, m.value(), 5, "BSR at " + t + " s");
            lowest = Math.min(lowest, expected);
            highest = Math.max(highest, expected);
        }
        assertTrue(lowest == 0 && highest > 75, "the truth spans 0 to 80 %: " + lowest + " .. " + highest);
        System.out.println("BSR: largest error " + worst + " points over truth " + lowest + " .. " + highest + " %");
        // every derivation agrees: bursts are global
        for (String d : List.of("C4-Cz", "O2-Cz", "F3-Cz")) {
            Measurement c3 = out.lastMeasurement("C3-Cz", "BSR");
            assertEquals(c3.value(), out.lastMeasurement(d, "BSR").value(), 5, d);
        }
        // bursts are events, between two suppressions
        assertTrue(out.events().stream().anyMatch(e -> e.kind().equals("burst") && e.channel().equals("C3-Cz")
                && e.timeSeconds() > 300 && e.endSeconds() < 900 && e.peakUv() > 20));
        assertTrue(out.events().stream().noneMatch(e -> e.timeSeconds() < 300), "no burst without suppression");
        // the anaesthesia alarm (BSR > 50 %) rises while suppression is deep and clears after
        List<AlarmCondition> bsrAlarms = out.alarms().stream().filter(a -> a.channel().equals(EegProcessor.ALL_CHANNELS)).toList();
        assertTrue(!bsrAlarms.isEmpty() && bsrAlarms.get(0).active() && bsrAlarms.get(0).priority() == AlarmCondition.Priority.MEDIUM);
        double on = bsrAlarms.get(0).timeSeconds();
        assertTrue(on > 300 && on < 560, "alarm once the median BSR passes 50 % (by 60 s into the 70 % step): " + on);
        assertTrue(!bsrAlarms.get(bsrAlarms.size() - 1).active(), "cleared after burst suppression ends");
    }

    /** Suppression intervals [start, end) in seconds from the annotations, each cut where the next begins or burst suppression ends. */
    static List<double[]> suppressions(List<Annotation> truth, double rate) {
        List<double[]> out = new ArrayList<>();
        for (Annotation a : truth) {
            double t = a.sampleIndex() / rate;
            if (!out.isEmpty() && (a.text().startsWith("TRUTH suppression") || a.text().startsWith("TRUTH burst suppression"))) {
                double[] last = out.get(out.size() - 1);
                last[1] = Math.min(last[1], t);
            }
            if (a.text().startsWith("TRUTH suppression for")) {
                out.add(new double[] { t, t + a.durationSeconds() });
            }
        }
        return out;
    }

    /** Seconds of [from, to) covered by suppressions at least {@code minSeconds} long. */
    static double covered(List<double[]> suppressions, double from, double to, double minSeconds) {
        double sum = 0;
        for (double[] s : suppressions) {
            if (s[1] - s[0] >= minSeconds) {
                sum += Math.max(0, Math.min(to, s[1]) - Math.max(from, s[0]));
            }
        }
        return sum;
    }
}
