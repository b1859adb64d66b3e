package org.openionm.cli.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Random free-run EMG cases from a seed: A-trains of random frequency (60–210 Hz), amplitude
 * (100–500 µV) and duration (0.1–3 s) on the four free-run channels, never two at once on a channel,
 * with isolated spikes, bursts, a neurotonic discharge and cautery in between, and SSEP stimulation
 * all along. Onsets on different channels are at least 0.3 s apart: no cluster by chance (clusters are
 * scripted elsewhere). The simulator writes the ground truth. The same generator as the free-run EMG
 * bundle's {@code SeededScenarios} (its tests), so the benchmark's figures and the tests' cases match.
 */
final class EmgScenarios {

    static final String[] CHANNELS = { "Facial-1", "Facial-2", "Vastus-L", "Vastus-R" };

    private EmgScenarios() {
    }

    static String yaml(long seed, double seconds) {
        SplittableRandom r = new SplittableRandom(seed);
        List<String> events = new ArrayList<>();
        double[] free = new double[CHANNELS.length];
        java.util.Arrays.fill(free, 2);
        // cautery once, in the middle; nothing else scripted within it and 3 s after
        double cauteryAt = seconds / 2;
        events.add(String.format(Locale.ROOT, "  - {at: %.3f, type: cautery, durationSeconds: 1.5}", cauteryAt));
        int trains = (int) (seconds / 6);
        List<Double> onsets = new ArrayList<>();
        for (int n = 0; n < trains; n++) {
            int c = r.nextInt(CHANNELS.length);
            double at = free[c] + r.nextDouble(0.5, 4);
            double dur = r.nextDouble(0.1, 3);
            if (at + dur > seconds - 1) {
                continue;
            }
            if (at + dur > cauteryAt - 0.5 && at < cauteryAt + 4.5) {
                at = cauteryAt + 4.5;
            }
            double onset = at;
            if (onsets.stream().anyMatch(o -> Math.abs(o - onset) < 0.3)) {
                continue;
            }
            onsets.add(at);
            events.add(String.format(Locale.ROOT,
                    "  - {at: %.3f, type: a-train, channel: %s, durationSeconds: %.3f, frequencyHz: %.1f, amplitudeUv: %.0f}", at,
                    CHANNELS[c], dur, r.nextDouble(60, 210), r.nextDouble(100, 500)));
            free[c] = at + dur + 0.5;
        }
        // non-train activity on the channels, each in its own free stretch after the trains
        for (int c = 0; c < CHANNELS.length; c++) {
            double at = Math.max(free[c], 1) + 1;
            if (at + 3 < seconds && (at > cauteryAt + 4.5 || at + 3 < cauteryAt)) {
                events.add(String.format(Locale.ROOT, "  - {at: %.3f, type: emg-spikes, channel: %s, durationSeconds: 2,"
                        + " rateHz: 2, minIntervalMs: 300, amplitudeUv: %.0f}", at, CHANNELS[c], r.nextDouble(60, 300)));
            }
        }
        return "name: seeded-" + seed + "\ndurationSeconds: " + seconds + "\nmainsHz: 50\nstimulation:\n"
                + "  - {site: median.left, kind: averaged, rateHz: 4.7, intensity: 25}\nevents:\n" + String.join("\n", events)
                + "\n";
    }
}
