package org.openionm.modality.emg.freerun.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The detectors on signals whose answer is known by construction. */
class DetectorsTest {

    static final double FS = 10_000;

    record Found(String what, long start, long end) {
    }

    static final class Log implements ATrainDetector.Listener, DischargeDetector.Listener {
        final List<Found> found = new ArrayList<>();

        @Override public void aTrainStarted(long onset, long confirmedAt) { found.add(new Found("start", onset, confirmedAt)); }

        @Override public void aTrainEnded(long onset, long end, double peakUv, double hz) { found.add(new Found("A-train", onset, end)); }

        @Override public void neurotonicStarted(long onset, long at) { found.add(new Found("neurotonic!", onset, at)); }

        @Override public void episode(String kind, long onset, long end, double peakUv, int n) { found.add(new Found(kind, onset, end)); }
    }

    @Test
    void aSineBurstIsAnATrainFromItsFirstHalfWaveToItsLast() {
        Log log = new Log();
        ATrainDetector d = new ATrainDetector(FS, 60, 210, 6, 25, log);
        // 100 Hz, 200 µV from sample 10 000 for exactly 50 cycles (0.5 s), silence around it
        long on = 10_000;
        long off = on + 5_000;
        for (long i = 0; i < 30_000; i++) {
            double x = i >= on && i < off ? 200 * Math.sin(2 * Math.PI * 100 * (i - on) / FS) : 0;
            d.sample(i, x, 50);
        }
        assertEquals(2, log.found.size(), log.found.toString());
        Found start = log.found.get(0);
        Found train = log.found.get(1);
        // the first half-wave begins where the sine crosses +15 µV (0.3 × threshold) on its way up: a fraction of a ms late
        assertTrue(train.start() >= on && train.start() - on < 10, train.toString());
        // recognised after 6 half-waves (30 ms at 100 Hz)
        assertEquals(on + 300, start.end(), 2, start.toString());
        // the last full half-wave ends at the last zero crossing plus the hysteresis lag
        assertTrue(Math.abs(train.end() - off) <= 55, train.toString());
    }

    @Test
    void outOfBandOrTooSmallOscillationsAreNoATrain() {
        for (double[] p : new double[][] { { 40, 200 }, { 300, 200 }, { 120, 30 } }) {
            Log log = new Log();
            ATrainDetector d = new ATrainDetector(FS, 60, 210, 6, 25, log);
            for (long i = 0; i < 20_000; i++) {
                d.sample(i, p[1] * Math.sin(2 * Math.PI * p[0] * i / FS), 50);
            }
            assertEquals(List.of(), log.found, p[0] + " Hz, " + p[1] + " uV");
        }
    }

    @Test
    void blankedStretchesDoNotCutATrain() {
        Log log = new Log();
        ATrainDetector d = new ATrainDetector(FS, 60, 210, 6, 25, log);
        for (long i = 0; i < 20_000; i++) {
            if (i % 2_128 < 50) { // a 5 ms blank at 4.7 Hz
                d.blanked(i);
                continue;
            }
            d.sample(i, 150 * Math.sin(2 * Math.PI * 150 * i / FS), 50);
        }
        d.interrupt();
        assertEquals(2, log.found.size(), log.found.toString());
    }

    @Test
    void dischargesAreClassifiedBySpacingAndDuration() {
        Log log = new Log();
        DischargeDetector d = new DischargeDetector(FS, 250, 0.5, 5, log);
        List<Long> spikes = new ArrayList<>();
        spikes.add(1_000L); // isolated
        for (int k = 0; k < 4; k++) {
            spikes.add(10_000L + 100 * k); // four 10 ms apart: a burst
        }
        for (int k = 0; k < 40; k++) {
            spikes.add(20_000L + 250 * k); // 40 at 40/s over 1 s: neurotonic
        }
        for (long i = 0; i < 40_000; i++) {
            boolean spike = false;
            for (long s : spikes) {
                spike |= i >= s && i < s + 5;
            }
            d.sample(i, spike ? 100 : 2, 30);
        }
        List<String> kinds = log.found.stream().map(Found::what).toList();
        assertEquals(List.of("spike", "burst", "neurotonic!", "neurotonic"), kinds, log.found.toString());
        Found neurotonic = log.found.get(3);
        assertEquals(20_000, neurotonic.start());
        assertEquals(20_000 + 250 * 39 + 5, neurotonic.end());
        // reported as soon as it had lasted 0.5 s with ≥ 5 discharges: at the 21st discharge (at 25 000)
        assertEquals(25_000, log.found.get(2).end());
    }

    @Test
    void aClusterNeedsMoreThanHalfTheChannelsWithinTheWindow() {
        TrainLedger ledger = new TrainLedger(4, FS, 100, 0.5, true);
        ledger.started(0, 1_000, 1_300).running = false;
        ledger.started(1, 1_500, 1_800).running = false; // 50 ms later: within 100 ms
        ledger.started(2, 5_000, 5_300).running = false; // alone
        assertEquals(List.of(), ledger.decide(100_000), "two of four channels are not most of them");
        TrainLedger three = new TrainLedger(4, FS, 100, 0.5, true);
        TrainLedger.Train a = three.started(0, 1_000, 1_300);
        a.end = 3_000;
        three.started(1, 1_500, 1_800).end = 3_000;
        three.started(3, 1_900, 2_100).end = 3_000;
        TrainLedger.Train alone = three.started(2, 10_000, 10_300);
        alone.end = 12_000;
        assertEquals(3, three.decide(100_000).size());
        assertEquals(0, three.trainSamples(0), "cluster trains are left out");
        assertEquals(2_000, three.trainSamples(2));
        assertEquals(2_000, three.clusterSamples(0));
        TrainLedger including = new TrainLedger(4, FS, 100, 0.5, false);
        including.started(0, 1_000, 1_300).end = 3_000;
        including.started(1, 1_500, 1_800).end = 3_000;
        including.started(3, 1_900, 2_100).end = 3_000;
        including.decide(100_000);
        assertEquals(2_000, including.trainSamples(0), "kept when the setting says so");
    }

    @Test
    void aTrainCountsOnlyOnceItsClusterMembershipIsDecided() {
        TrainLedger ledger = new TrainLedger(4, FS, 100, 0.5, true);
        TrainLedger.Train t = ledger.started(0, 1_000, 1_300);
        t.end = 1_900;
        ledger.decide(1_999); // decided at onset + 100 ms + 100 ms = 3 000
        assertEquals(0, ledger.trainSamples(0));
        ledger.decide(3_000);
        assertEquals(900, ledger.trainSamples(0));
    }
}
