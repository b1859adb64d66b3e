package org.openionm.modality.ssep.internal;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import org.openionm.dsp.Peak;

/**
 * A completed, zero-phase-filtered average with its detected components. Peaks can be replaced
 * by a user's marker; {@link #manual} remembers which.
 */
final class AverageResult {

    final double timeSeconds;
    final ChannelAverage owner;
    final float[] filtered;
    final double samplingRateHz;
    final double noiseUv;
    final double reproducibility;
    final int sweepsUsed;
    final int sweepsRejected;
    final boolean cauteryPaused;
    final Map<String, String> provenance;
    final Map<String, Peak> peaks = new LinkedHashMap<>();
    final Map<String, String> notFound = new LinkedHashMap<>();
    /** How each found component was found: automatic or tracked from its baseline. */
    final Map<String, String> detection = new LinkedHashMap<>();
    final Set<String> manual = new LinkedHashSet<>();
    /** Components of this site/channel that had a baseline when the average was analysed. */
    final Set<String> baselineComponents = new LinkedHashSet<>();
    /** Of those, the ones whose baseline amplitude is peak-to-peak with the partner. */
    final Set<String> pairedBaselines = new LinkedHashSet<>();
    /** Baseline latency of each component that has one. */
    final Map<String, Double> baselineLatencyMs = new LinkedHashMap<>();
    /** The filtered odd and even half-averages (what the projection is aligned on), null with fewer than 2 sweeps. */
    float[] filteredOdd;
    float[] filteredEven;
    /** The watched component's projection on its baseline waveform, null without a template. */
    TemplateProjection.Projection projection;
    /** Name of the component {@link #projection} measures. */
    String projectedComponent;
    /** True when the alarm criterion reads the projection rather than the peak-to-peak. */
    boolean projectionForAlarm;

    AverageResult(double timeSeconds, ChannelAverage owner, float[] filtered, double samplingRateHz, double noiseUv,
            double reproducibility, int sweepsUsed, int sweepsRejected, boolean cauteryPaused,
            Map<String, String> provenance) {
        this.timeSeconds = timeSeconds;
        this.owner = owner;
        this.filtered = filtered;
        this.samplingRateHz = samplingRateHz;
        this.noiseUv = noiseUv;
        this.reproducibility = reproducibility;
        this.sweepsUsed = sweepsUsed;
        this.sweepsRejected = sweepsRejected;
        this.cauteryPaused = cauteryPaused;
        this.provenance = Map.copyOf(provenance);
    }

    /** Linear interpolation of the filtered average at {@code ms} after the stimulus. */
    double valueAt(double ms) {
        double x = ms * samplingRateHz / 1000;
        int i = (int) Math.floor(x);
        if (i < 0 || i + 1 >= filtered.length) {
            throw new IllegalArgumentException("latency " + ms + " ms lies outside the average");
        }
        double f = x - i;
        return filtered[i] * (1 - f) + filtered[i + 1] * f;
    }

    /**
     * Amplitude as the component defines it, peak-to-peak with its partner (N20–P25), measured the
     * way its baseline was: if the baseline had the partner, so does every later value, and a
     * partner that can no longer be found leaves the single peak (a drop, not a change of ruler).
     */
    double amplitudeOf(ComponentNorm c) {
        Peak p = peaks.get(c.name());
        if (!pairWanted(c)) {
            return Math.abs(p.amplitude());
        }
        Peak partner = peaks.get(c.partner());
        if (partner != null) {
            return Peak.peakToPeak(p, partner);
        }
        Double at = baselineLatencyMs.get(c.partner());
        // the partner did not stand out: read the trace where it was at baseline, same ruler
        return at != null ? Math.abs(p.amplitude() - valueAt(at)) : Math.abs(p.amplitude());
    }

    String amplitudeName(ComponentNorm c) {
        if (!pairWanted(c)) {
            return c.name();
        }
        if (peaks.containsKey(c.partner())) {
            return c.name() + "–" + c.partner();
        }
        return baselineLatencyMs.containsKey(c.partner())
                ? c.name() + "–" + c.partner() + " (" + c.partner() + " read at its baseline latency)" : c.name();
    }

    private boolean pairWanted(ComponentNorm c) {
        if (c.partner() == null) {
            return false;
        }
        return baselineComponents.contains(c.name()) ? pairedBaselines.contains(c.name())
                : peaks.containsKey(c.partner());
    }
}
