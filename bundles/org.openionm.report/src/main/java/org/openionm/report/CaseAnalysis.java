package org.openionm.report;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.openionm.alarm.AlarmLogEntry;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;

/**
 * What re-analysing one recording segment through the installed modality processors produced: every
 * measurement, average, trend point and baseline trace, the alarm log of that run, the effective
 * settings each processor started with and when baselines were captured (and why then). Every number
 * in a report comes from here or from the case's event log.
 *
 * @param segment            the segment's number in the case (1, 2, …)
 * @param recording          the file analysed
 * @param seconds            the recording's duration
 * @param baselineAtSeconds  case time at which baselines were captured
 * @param baselineSource     why then ("event log: Baseline captured at 180.0 s", "default 120 s")
 * @param settings           processor id → effective settings of this run
 * @param producers          processor id → the producer its results name ("ssep 0.2.0.v2026…")
 * @param failures           processors that failed and were taken out of the run
 * @since 0.2.0
 */
public record CaseAnalysis(int segment, Path recording, double seconds, double baselineAtSeconds, String baselineSource,
        Map<String, Map<String, Object>> settings, Map<String, String> producers, List<Measurement> measurements,
        List<AverageTrace> averages, List<AverageTrace> baselines, List<TrendPoint> trends, List<DetectedEvent> events,
        List<AlarmLogEntry> alarms, List<String> failures) {

    public CaseAnalysis {
        // sorted by processor id, each processor's settings in its declared order (analyze's JSON keeps both)
        settings = java.util.Collections.unmodifiableMap(new java.util.TreeMap<>(settings));
        producers = Map.copyOf(producers);
        events = List.copyOf(events);
        measurements = List.copyOf(measurements);
        // a re-analysis's averages keep their samples in a file; a copy would bring them all back into the heap
        averages = averages instanceof SpilledAverages ? averages : List.copyOf(averages);
        baselines = List.copyOf(baselines);
        trends = List.copyOf(trends);
        alarms = List.copyOf(alarms);
        failures = List.copyOf(failures);
    }

    /**
     * What Review shows at its cursor: for each modality, site and channel, the last average completed at
     * or before {@code seconds}, in the order their site/channel first appeared (an average completed
     * later used sweeps the reader has not reached). Reads back only those averages' samples: a scan of
     * {@link #averages()} would read every average of the case from its temporary file.
     *
     * @since 0.2.1
     */
    public List<AverageTrace> averagesAt(double seconds) {
        List<AverageTrace> headers = averages instanceof SpilledAverages s ? s.withoutSamples() : averages;
        Map<String, Integer> latest = new java.util.LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            AverageTrace a = headers.get(i);
            String key = a.modality() + "\u0000" + a.site() + "\u0000" + a.channel();
            Integer held = latest.get(key);
            if (held == null && a.timeSeconds() > seconds) {
                latest.put(key, -1); // keeps the channel's place in the order
            } else if (a.timeSeconds() <= seconds
                    && (held == null || held < 0 || a.timeSeconds() >= headers.get(held).timeSeconds())) {
                latest.put(key, i);
            }
        }
        return latest.values().stream().filter(i -> i >= 0).map(averages::get).toList();
    }
}
