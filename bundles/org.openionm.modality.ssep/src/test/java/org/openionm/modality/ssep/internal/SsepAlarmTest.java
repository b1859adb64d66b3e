package org.openionm.modality.ssep.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/**
 * ASNM 2024 preset on scripted cortical changes; 100-sweep block averages (a new average every
 * 100 sweeps) keep the tests fast and each average independent. The moving-average criterion is
 * tested alone: the sequential test's advisory flag (on by default) has its own tests
 * ({@link SsepSequentialTest}).
 */
class SsepAlarmTest {

    static final int N = 100;
    static final Map<String, Object> BLOCK = Map.of(SsepSettings.UPPER_SWEEPS, (double) N,
            SsepSettings.UPDATE_SWEEPS, (double) N, SsepSettings.SEQUENTIAL, false);
    final SsepProcessor processor = new SsepProcessor();
    final RecordingProcessorOutput out = new RecordingProcessorOutput();
    final Synthetic data = new Synthetic(7, 2);

    /** Starts and records one average, then captures it as the baseline. */
    void baseline() {
        processor.start(new TestProcessorContext(data.channels, BLOCK, out));
        data.sweeps(processor, N);
        processor.captureBaseline(data.nowSeconds());
    }

    void average() {
        data.sweeps(processor, N);
    }

    @Test
    void noAlarmWithoutABaseline() {
        processor.start(new TestProcessorContext(data.channels, BLOCK, out));
        data.corticalAmp = 0.2;
        for (int i = 0; i < 3; i++) {
            average();
        }
        assertTrue(out.alarms().isEmpty());
        assertTrue(processor.baselines().isEmpty());
    }

    @Test
    void sixtyPercentDropAlarmsOnTheSecondConsecutiveAverageAndClearsOnRecovery() {
        baseline();
        Measurement base = out.lastMeasurement(Synthetic.CONTRA, "N20");
        assertTrue(processor.baselines().stream().anyMatch(b -> b.key().equals("median.left/CP4-Fpz/N20")
                && b.amplitudeUv() == base.amplitudeUv() && b.settings().containsKey("filter")));
        data.corticalAmp = 0.4;
        average();
        assertTrue(out.alarms().isEmpty(), "one average below criterion is not yet confirmed");
        Measurement first = out.lastMeasurement(Synthetic.CONTRA, "N20");
        double change = Double.parseDouble(first.provenance().settings().get("amplitude.change.percent"));
        assertEquals(-60, change, 8);
        average();
        assertEquals(1, out.alarms().size());
        AlarmCondition a = out.alarms().get(0);
        System.out.println("alarm: " + a.values() + " | " + a.baseline() + " | " + a.criterion());
        assertTrue(a.active());
        assertEquals("ssep", a.modality());
        assertEquals(Synthetic.SITE, a.site());
        assertEquals(Synthetic.CONTRA, a.channel());
        assertEquals(AlarmCondition.Priority.HIGH, a.priority());
        assertTrue(a.criterion().startsWith("ASNM 2024 (Toleikis et al., doi 10.1007/s10877-024-01201-x)"), a.criterion());
        assertTrue(a.values().startsWith("N20–P25 1."), a.values());
        assertTrue(a.values().contains("(-6") || a.values().contains("(-5"), a.values());
        assertTrue(a.baseline().startsWith("baseline at " + String.format(java.util.Locale.ROOT, "%.1f", 100 * Synthetic.PERIOD / Synthetic.FS) + " s: 3."), a.baseline());
        assertEquals("ASNM 2024", a.provenance().settings().get("alarm.preset"));
        assertTrue(out.trends().stream().anyMatch(t -> t.series().equals("median.left/CP4-Fpz/N20/amplitude.change")));

        // hysteresis: back to baseline clears only on the third consecutive recovered average
        data.corticalAmp = 1;
        average();
        average();
        assertEquals(1, out.alarms().size(), "two recovered averages do not clear yet");
        average();
        assertEquals(2, out.alarms().size());
        assertFalse(out.alarms().get(1).active(), "recovered");
        assertEquals(Synthetic.CONTRA, out.alarms().get(1).channel());
        assertTrue(out.alarms().get(1).values().startsWith("recovered on 3 consecutive averages"), out.alarms().get(1).values());
    }

    @Test
    void confirmationsFromTheSettingsDelayTheAlarm() {
        processor.start(new TestProcessorContext(data.channels, Map.of(SsepSettings.UPPER_SWEEPS, (double) N,
                SsepSettings.UPDATE_SWEEPS, (double) N, SsepSettings.ALARM_CONFIRM, 3.0, SsepSettings.SEQUENTIAL, false), out));
        data.sweeps(processor, N);
        processor.captureBaseline(data.nowSeconds());
        data.corticalAmp = 0.4;
        average();
        average();
        assertTrue(out.alarms().isEmpty(), "two of three confirmations");
        average();
        assertEquals(1, out.alarms().size());
        assertTrue(out.alarms().get(0).criterion().contains("confirmed on 3 consecutive averages"));
    }

    @Test
    void thirtyPercentDropRaisesNothing() {
        baseline();
        data.corticalAmp = 0.7;
        for (int i = 0; i < 4; i++) {
            average();
        }
        assertTrue(out.alarms().isEmpty(), out.alarms().toString());
        assertEquals(-30, Double.parseDouble(out.lastMeasurement(Synthetic.CONTRA, "N20").provenance().settings()
                .get("amplitude.change.percent")), 8);
    }

    @Test
    void twelvePercentLatencyIncreaseAlarms() {
        baseline();
        data.corticalLatency = 1.12;
        average();
        average();
        assertEquals(1, out.alarms().size());
        AlarmCondition a = out.alarms().get(0);
        System.out.println("latency alarm: " + a.values());
        assertTrue(a.active());
        assertTrue(a.values().contains("latency 21."), a.values());
        assertTrue(a.values().contains("(+12 %)") || a.values().contains("(+11 %)") || a.values().contains("(+13 %)"),
                a.values());
    }

    @Test
    void fivePercentLatencyIncreaseRaisesNothing() {
        baseline();
        data.corticalLatency = 1.05;
        for (int i = 0; i < 3; i++) {
            average();
        }
        assertTrue(out.alarms().isEmpty(), out.alarms().toString());
        double lat = Double.parseDouble(out.lastMeasurement(Synthetic.CONTRA, "N20").provenance().settings().get("latency.change.percent"));
        assertEquals(5, lat, 1.5);
    }

    @Test
    void cauteryPausesAveragingCountsRejectsAndRaisesNoAlarm() {
        baseline();
        data.corticalAmp = 0.4;
        for (int avg = 0; avg < 2; avg++) {
            data.sweeps(processor, 40);
            for (int i = 0; i < 25; i++) {
                data.sweep(processor, 400); // broadband burst, as an electrosurgical unit makes
            }
            data.sweeps(processor, 60);
        }
        assertTrue(out.alarms().isEmpty(), "averages paused by cautery raise no alarm");
        AverageTrace paused = out.averages().get(out.averages().size() - 1);
        assertEquals(N, paused.sweepsUsed());
        assertEquals(25, paused.sweepsRejected());
        assertEquals("25", paused.provenance().settings().get("rejected.electrocautery"));
        assertEquals("true", paused.provenance().settings().get("cautery.paused"));
        // clean averages afterwards: the paused ones did not count towards confirmation
        average();
        assertTrue(out.alarms().isEmpty());
        average();
        assertEquals(1, out.alarms().size());
        assertTrue(out.alarms().get(0).active());
    }

    @Test
    void aMovingAverageShowsADropWithinOneWindow() {
        int update = 10;
        processor.start(new TestProcessorContext(data.channels, Map.of(SsepSettings.UPPER_SWEEPS, (double) N,
                SsepSettings.UPDATE_SWEEPS, (double) update, SsepSettings.SEQUENTIAL, false), out));
        data.sweeps(processor, N);
        processor.captureBaseline(data.nowSeconds());
        int averagesBefore = out.averages().size();
        data.corticalAmp = 0.2; // −80 %: the moving average crosses −50 % after about 5/8 of a window
        int sweeps = 0;
        while (out.alarms().isEmpty() && sweeps < 2 * N) {
            data.sweeps(processor, update);
            sweeps += update;
        }
        assertEquals(1, out.alarms().size(), "alarm raised");
        assertTrue(sweeps <= N, "raised after " + sweeps + " sweeps, within one window of " + N);
        assertTrue(sweeps >= N / 2, "not before the window is mostly new sweeps: " + sweeps);
        // a new average every 10 sweeps, each over the last 100 (4 recording channels)
        assertEquals(4 * sweeps / update, out.averages().size() - averagesBefore);
        assertEquals(N, out.averages().get(out.averages().size() - 1).sweepsUsed());
        assertTrue(out.averages().get(out.averages().size() - 1).provenance().settings().get("averaging")
                .startsWith("moving average of the last 100 sweeps, updated every 10"));
    }
}
