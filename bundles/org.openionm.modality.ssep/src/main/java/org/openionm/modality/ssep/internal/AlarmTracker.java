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
 * Applies the alarm preset to the watched component of each (site, channel): active once the
 * criterion holds on N consecutive averages, inactive on the first average where it no longer
 * holds. No baseline, no alarm; an average paused by cautery neither confirms nor clears.
 */
final class AlarmTracker {

    private final AlarmPreset preset;
    private final String producer;
    private final Map<String, Integer> consecutive = new HashMap<>();
    private final Set<String> active = new HashSet<>();

    AlarmTracker(AlarmPreset preset, String producer) {
        this.producer = producer;
        this.preset = preset;
    }

    Optional<AlarmCondition> evaluate(AverageResult r, ComponentNorm watched, Baseline b, Map<String, Double> s) {
        if (watched == null || b == null || r.cauteryPaused) {
            return Optional.empty();
        }
        String key = r.owner.key();
        double ampLimit = s.get(SsepSettings.ALARM_AMPLITUDE);
        double latLimit = s.get(SsepSettings.ALARM_LATENCY);
        int n = s.get(SsepSettings.ALARM_CONFIRM).intValue();
        Peak p = r.peaks.get(watched.name());
        // a component that can no longer be found has lost its amplitude entirely
        double amp = p == null ? 0 : r.amplitudeOf(watched);
        double ampChange = Reporter.percent(amp, b.amplitudeUv());
        double latChange = p == null ? Double.NaN : Reporter.percent(p.latencyMs(), b.latencyMs());
        boolean met = ampChange <= -ampLimit || latChange >= latLimit;
        String values = p == null
                ? String.format(Locale.ROOT, "%s not detected (-100 %%)", watched.name())
                : String.format(Locale.ROOT, "%s %.2f uV (%+.0f %%), latency %.2f ms (%+.0f %%)",
                        r.amplitudeName(watched), amp, ampChange, p.latencyMs(), latChange);
        String criterion = preset.describe(ampLimit, latLimit, n);
        Map<String, String> prov = new HashMap<>(r.provenance);
        prov.put("alarm.preset", preset.name());
        prov.put("alarm.component", watched.name());
        prov.put("baseline.settings", b.settings().getOrDefault("filter", ""));
        Provenance provenance = new Provenance(producer, prov);
        if (met) {
            int count = consecutive.merge(key, 1, Integer::sum);
            if (count >= n && active.add(key)) {
                return Optional.of(condition(r, criterion, true, values, b, provenance));
            }
            return Optional.empty();
        }
        consecutive.put(key, 0);
        if (active.remove(key)) {
            return Optional.of(condition(r, criterion, false, values, b, provenance));
        }
        return Optional.empty();
    }

    private static AlarmCondition condition(AverageResult r, String criterion, boolean on, String values, Baseline b,
            Provenance prov) {
        return new AlarmCondition(r.timeSeconds, SsepProcessor.ID, r.owner.site.id(), r.owner.recording.label(),
                criterion, AlarmCondition.Priority.HIGH, on, values, Reporter.describe(b), prov);
    }
}
