package org.openionm.dsp;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.openionm.core.model.Channel;

/** One reason to reject a sweep; checked on samples [from, end) (after stimulus blanking). */
public sealed interface ArtifactRule {

    /** Short name for counts and provenance. */
    String name();

    /** Null when the sweep passes, else the reason. */
    String violation(float[] sweep, int from, Channel channel);

    /** Whether a violation should also pause averaging (not just drop this sweep). */
    default boolean pauses() { return false; }

    /**
     * Any sample within {@code marginPercent} of half the channel's span from a rail, e.g. 5 % on a
     * ±1000 µV amplifier rejects at |v| ≥ 950 µV (95 % of full scale).
     */
    record Saturation(double marginPercent) implements ArtifactRule {
        @Override public String name() { return "saturation"; }

        @Override
        public String violation(float[] sweep, int from, Channel ch) {
            double margin = marginPercent / 100 * (ch.physicalMax() - ch.physicalMin()) / 2;
            double hi = ch.physicalMax() - margin, lo = ch.physicalMin() + margin;
            int count = 0;
            for (int i = from; i < sweep.length; i++) {
                if (sweep[i] >= hi || sweep[i] <= lo) {
                    count++;
                }
            }
            return count == 0 ? null : String.format(Locale.ROOT,
                    "saturation: %d sample(s) within %s %% of the rails [%.6g, %.6g] %s",
                    count, Butterworth.hz(marginPercent), ch.physicalMin(), ch.physicalMax(), ch.unit());
        }
    }

    /** Peak |value| above a threshold in µV (50–100 µV cortical). */
    record AmplitudeThreshold(double thresholdUv) implements ArtifactRule {
        @Override public String name() { return "amplitude"; }

        @Override
        public String violation(float[] sweep, int from, Channel ch) {
            double peak = 0;
            int at = -1;
            for (int i = from; i < sweep.length; i++) {
                if (Math.abs(sweep[i]) > peak) {
                    peak = Math.abs(sweep[i]);
                    at = i;
                }
            }
            return peak > thresholdUv ? String.format(Locale.ROOT, "amplitude: |%.1f| µV at %.2f ms exceeds %.1f µV",
                    sweep[at], at * 1000 / ch.samplingRateHz(), thresholdUv) : null;
        }
    }

    /**
     * Electrocautery: RMS above {@code highPassHz} (causal 4th-order Butterworth high-pass, state
     * settled on the first sample) exceeding {@code rmsThresholdUv}. EP energy sits well below a few
     * kHz; cautery is broadband. The rule needs that power only, not phase, so one causal pass does
     * (it was zero-phase filtfilt until dsp 0.4.0: two passes, padding and copies for every sweep, a
     * quarter of a case's re-analysis); on the simulator's cautery bursts both flag the same sweeps
     * ({@code CauteryCausalAgreementTest} in the SSEP bundle).
     */
    record Cautery(double highPassHz, double rmsThresholdUv) implements ArtifactRule {
        @Override public String name() { return "electrocautery"; }

        @Override public boolean pauses() { return true; }

        @Override
        public String violation(float[] sweep, int from, Channel ch) {
            if (from >= sweep.length) {
                return null; // nothing after the blanking to judge
            }
            double rms = Math.sqrt(design(highPassHz, ch.samplingRateHz()).settledEnergy(sweep, from) / (sweep.length - from));
            return rms > rmsThresholdUv ? String.format(Locale.ROOT,
                    "electrocautery: %.1f µV rms above %s Hz exceeds %.1f µV; pause averaging",
                    rms, Butterworth.hz(highPassHz), rmsThresholdUv) : null;
        }

        /** Few (corner, rate) pairs exist at once; more means settings churn. */
        private static final int MAX_DESIGNS = 16;
        private static final Map<List<Double>, SosFilter> DESIGNS =
                new ConcurrentHashMap<>();

        /**
         * Designed once per corner and rate, not once per sweep (the design and its description text
         * were a re-analysis hot spot); {@link SosFilter} is immutable, so sharing it changes no result.
         */
        private static SosFilter design(double highPassHz, double fs) {
            Design d = last;
            if (d != null && d.highPassHz() == highPassHz && d.fs() == fs) {
                return d.filter(); // the usual case: one corner and rate; no boxed key to hash per sweep
            }
            SosFilter f = designed(highPassHz, fs);
            last = new Design(highPassHz, fs, f);
            return f;
        }

        private record Design(double highPassHz, double fs, SosFilter filter) {
        }

        private static volatile Design last;

        private static SosFilter designed(double highPassHz, double fs) {
            List<Double> key = List.of(highPassHz, fs);
            SosFilter f = DESIGNS.get(key);
            if (f == null) {
                if (DESIGNS.size() >= MAX_DESIGNS) {
                    DESIGNS.clear();
                }
                f = Butterworth.highPass(4, highPassHz, fs);
                DESIGNS.put(key, f);
            }
            return f;
        }
    }
}
