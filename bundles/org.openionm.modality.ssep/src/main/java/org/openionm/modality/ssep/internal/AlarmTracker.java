package org.openionm.modality.ssep.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.Provenance;
import org.openionm.dsp.Peak;

/**
 * Applies the alarm preset to the watched component of each (site, channel), with hysteresis: the
 * alarm is raised once the criterion holds on N consecutive averages, and clears only when the value
 * is back past the clear margin (amplitude decrease below {@code alarm.clear.amplitude…}, latency
 * increase below {@code alarm.clear.latency…}) on M consecutive averages. A value hovering at the
 * criterion (−49 % / −52 % around −50 %) therefore stays one alarm instead of clearing and recurring
 * every few seconds. Hysteresis lives here, in the criterion, rather than in the alarm manager: the
 * margins are in the modality's own units and the manager stays a generic IEC 60601-1-8 store whose
 * latching and acknowledgement are untouched. No baseline, no alarm; an average paused by cautery
 * neither confirms nor clears.
 */
final class AlarmTracker {

    private final AlarmPreset preset;
    private final String producer;
    private final Map<String, Integer> consecutive = new HashMap<>();
    private final Map<String, Integer> recovered = new HashMap<>();
    private final Set<String> active = new HashSet<>();
    private final Map<String, Integer> possibleRecovered = new HashMap<>();

    AlarmTracker(AlarmPreset preset, String producer) {
        this.producer = producer;
        this.preset = preset;
    }

    /** Amplitude change of the watched component as the criterion reads it, with how it was measured. */
    record AmplitudeChange(double percent, double amplitudeUv, String how) {
    }

    /**
     * The amplitude change the criterion uses: the projection on the baseline waveform where the
     * setting asks for it and a template exists, else the peak-to-peak (a component no longer found
     * has lost its amplitude entirely).
     */
    static AmplitudeChange amplitudeChange(AverageResult r, ComponentNorm watched, Baseline b,
            TemplateProjection.Projection projection) {
        if (projection != null && !Double.isNaN(projection.ratio())) {
            return new AmplitudeChange(projection.changePercent(), projection.amplitudeUv(b.amplitudeUv()), "projection");
        }
        Peak p = r.peaks.get(watched.name());
        double amp = p == null ? 0 : r.amplitudeOf(watched);
        return new AmplitudeChange(Reporter.percent(amp, b.amplitudeUv()), amp, "peak");
    }

    /**
     * @param projection this average's projection on the baseline waveform, null to judge the peak-to-peak
     */
    Optional<AlarmCondition> evaluate(AverageResult r, ComponentNorm watched, Baseline b, Map<String, Double> s,
            TemplateProjection.Projection projection) {
        if (watched == null || b == null || r.cauteryPaused) {
            return Optional.empty();
        }
        String key = r.owner.key();
        double ampLimit = s.get(SsepSettings.ALARM_AMPLITUDE);
        double latLimit = s.get(SsepSettings.ALARM_LATENCY);
        int n = s.get(SsepSettings.ALARM_CONFIRM).intValue();
        Peak p = r.peaks.get(watched.name());
        AmplitudeChange amp = amplitudeChange(r, watched, b, projection);
        double latChange = p == null ? Double.NaN : Reporter.percent(p.latencyMs(), b.latencyMs());
        boolean met = amp.percent() <= -ampLimit || latChange >= latLimit;
        String values = values(r, watched, p, amp, latChange);
        String criterion = criterion(s);
        Map<String, String> prov = new HashMap<>(r.provenance);
        prov.put("alarm.preset", preset.name());
        prov.put("alarm.component", watched.name());
        prov.put("alarm.amplitude.method", amp.how());
        prov.put("baseline.settings", b.settings().getOrDefault("filter", ""));
        Provenance provenance = new Provenance(producer, prov);
        if (!active.contains(key)) {
            if (!met) {
                consecutive.put(key, 0);
                return Optional.empty();
            }
            if (consecutive.merge(key, 1, Integer::sum) >= n) {
                active.add(key);
                recovered.put(key, 0);
                return Optional.of(condition(r, criterion, true, values, b, provenance, AlarmCondition.Priority.HIGH));
            }
            return Optional.empty();
        }
        int m = s.get(SsepSettings.CLEAR_CONFIRM).intValue();
        if (!recoveredPastMargin(amp.percent(), latChange, s)) {
            recovered.put(key, 0); // back inside the margin: the count of recovered averages starts again
            return Optional.empty();
        }
        if (recovered.merge(key, 1, Integer::sum) < m) {
            return Optional.empty();
        }
        active.remove(key);
        consecutive.put(key, 0);
        return Optional.of(condition(r, criterion, false, String.format(Locale.ROOT,
                "recovered on %d consecutive averages: %s", m, values), b, provenance, AlarmCondition.Priority.HIGH));
    }

    /** True when both amplitude and latency are back past the clear margins. */
    static boolean recoveredPastMargin(double ampChange, double latChange, Map<String, Double> s) {
        return ampChange > -s.get(SsepSettings.CLEAR_AMPLITUDE)
                && (Double.isNaN(latChange) || latChange < s.get(SsepSettings.CLEAR_LATENCY));
    }

    /** The criterion as the alarm states it: preset, thresholds, confirmation and how it clears. */
    String criterion(Map<String, Double> s) {
        return preset.describe(s.get(SsepSettings.ALARM_AMPLITUDE), s.get(SsepSettings.ALARM_LATENCY),
                s.get(SsepSettings.ALARM_CONFIRM).intValue())
                + String.format(Locale.ROOT, "; clears when the decrease is below %.0f %% and the increase below %.0f %%"
                        + " on %d consecutive averages", s.get(SsepSettings.CLEAR_AMPLITUDE),
                        s.get(SsepSettings.CLEAR_LATENCY), s.get(SsepSettings.CLEAR_CONFIRM).intValue());
    }

    /** Criterion of the early, advisory flag of the sequential test. */
    static String possibleChangeCriterion(Map<String, Double> s) {
        return String.format(Locale.ROOT, "Possible change (advisory): sequential test (CUSUM) on single sweeps for an"
                + " amplitude decrease of %.0f %%, %.0e sweeps between false flags [OpenIONM, docs/evoked-alarms.md]",
                s.get(SsepSettings.SEQUENTIAL_DROP), s.get(SsepSettings.SEQUENTIAL_THRESHOLD));
    }

    /** The advisory flag, raised by the sequential test on the sweep that crossed its threshold. */
    AlarmCondition possibleChange(double timeSeconds, ChannelAverage ca, ComponentNorm watched, Baseline b,
            Map<String, Double> s) {
        possibleRecovered.put(ca.key(), 0);
        Map<String, String> prov = new HashMap<>();
        prov.put("alarm.component", watched.name());
        prov.put("sequential.test", ca.detector.describe());
        prov.put("amplitude.method", ca.projection.description());
        return new AlarmCondition(timeSeconds, SsepProcessor.ID, ca.site.id(), ca.recording.label(),
                possibleChangeCriterion(s), AlarmCondition.Priority.LOW, true,
                String.format(Locale.ROOT, "%s: single sweeps fell below the baseline waveform (CUSUM %.1f SD)",
                        watched.name(), ca.detector.sum()),
                Reporter.describe(b), new Provenance(producer, prov));
    }

    /**
     * Clears the advisory flag once the moving average holds only sweeps taken after it and reads
     * recovered past the clear margins on M consecutive averages; the test then starts afresh.
     */
    Optional<AlarmCondition> possibleChangeCleared(AverageResult r, ComponentNorm watched, Baseline b,
            Map<String, Double> s, TemplateProjection.Projection projection) {
        ChannelAverage ca = r.owner;
        if (ca.detector == null || !ca.detector.flagged() || r.cauteryPaused
                || ca.accepted() - ca.acceptedAtFlag < ca.windowLength()) {
            return Optional.empty();
        }
        Peak p = r.peaks.get(watched.name());
        AmplitudeChange amp = amplitudeChange(r, watched, b, projection);
        double latChange = p == null ? Double.NaN : Reporter.percent(p.latencyMs(), b.latencyMs());
        if (!recoveredPastMargin(amp.percent(), latChange, s)) {
            possibleRecovered.put(ca.key(), 0);
            return Optional.empty();
        }
        int m = s.get(SsepSettings.CLEAR_CONFIRM).intValue();
        if (possibleRecovered.merge(ca.key(), 1, Integer::sum) < m) {
            return Optional.empty();
        }
        ca.detector.restart();
        return Optional.of(new AlarmCondition(r.timeSeconds, SsepProcessor.ID, ca.site.id(), ca.recording.label(),
                possibleChangeCriterion(s), AlarmCondition.Priority.LOW, false,
                "not confirmed by the averages: " + values(r, watched, p, amp, latChange), Reporter.describe(b),
                new Provenance(producer, r.provenance)));
    }

    private static String values(AverageResult r, ComponentNorm watched, Peak p, AmplitudeChange amp, double latChange) {
        String latency = p == null ? String.format(Locale.ROOT, "%s not detected", watched.name())
                : String.format(Locale.ROOT, "latency %.2f ms (%+.0f %%)", p.latencyMs(), latChange);
        if (amp.how().equals("projection")) {
            String peak = p == null ? "no peak" : String.format(Locale.ROOT, "peak-to-peak %.2f uV", r.amplitudeOf(watched));
            return String.format(Locale.ROOT, "%s %.2f uV (%+.0f %%), %s; amplitude by projection on the baseline"
                    + " waveform (%s)", r.amplitudeName(watched), amp.amplitudeUv(), amp.percent(), latency, peak);
        }
        return p == null ? String.format(Locale.ROOT, "%s not detected (-100 %%)", watched.name())
                : String.format(Locale.ROOT, "%s %.2f uV (%+.0f %%), %s", r.amplitudeName(watched), amp.amplitudeUv(),
                        amp.percent(), latency);
    }

    private static AlarmCondition condition(AverageResult r, String criterion, boolean on, String values, Baseline b,
            Provenance prov, AlarmCondition.Priority priority) {
        return new AlarmCondition(r.timeSeconds, SsepProcessor.ID, r.owner.site.id(), r.owner.recording.label(),
                criterion, priority, on, values, Reporter.describe(b), prov);
    }
}
