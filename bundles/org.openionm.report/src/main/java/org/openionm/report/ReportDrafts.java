package org.openionm.report;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.EventCategory;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.Patient;
import org.openionm.cases.ProtocolTemplate;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;
import org.openionm.report.ReportContent.BaselineRow;
import org.openionm.report.ReportContent.Change;
import org.openionm.report.ReportContent.Curve;
import org.openionm.report.ReportContent.LogLine;
import org.openionm.report.ReportContent.ProtocolLine;
import org.openionm.report.ReportContent.TrendPlot;
import org.openionm.report.ReportContent.WaveformPanel;

/**
 * Builds the draft report of a case from its record, its event log and the re-analysis of its
 * recordings. Nothing is typed in: every value is a measurement, an alarm-log entry or an event-log
 * entry, and the report says which (docs/report.md). The interpretation and conclusion are pre-filled
 * from the same data for the neurophysiologist to edit.
 *
 * @since 0.2.0
 */
public final class ReportDrafts {

    /** Waveform panels and trend plots printed at most (alarmed channels first). */
    static final int MAX_PANELS = 6;
    /** A "surgeon informed" entry belongs to a change when entered from its raise to this long after its clear. */
    static final double INFORMED_AFTER_SECONDS = 300;

    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT);

    private ReportDrafts() {
    }

    /**
     * @param analyses one per recording segment, in segment order
     * @param zone     the site's time zone for wall-clock times
     */
    public static ReportContent draft(MonitoringCase c, List<CaseRecording> recordings, List<CaseEvent> events,
            List<CaseAnalysis> analyses, ZoneId zone) {
        List<Change> changes = new ArrayList<>();
        List<BaselineRow> baselines = new ArrayList<>();
        List<WaveformPanel> panels = new ArrayList<>();
        List<TrendPlot> trends = new ArrayList<>();
        for (CaseAnalysis a : analyses) {
            List<CaseEvent> segmentEvents = eventsOf(a.segment(), recordings, events);
            changes.addAll(changes(a, segmentEvents));
            baselines.addAll(baselines(a));
            panels.addAll(waveforms(a));
            trends.addAll(trends(a));
        }
        panels = panels.stream().limit(MAX_PANELS).toList();
        trends = trends.stream().limit(MAX_PANELS).toList();
        List<String> sources = new ArrayList<>();
        for (CaseAnalysis a : analyses) {
            sources.add("Segment " + a.segment() + ": " + a.recording().getFileName() + " (" + String.format(Locale.ROOT, "%.1f", a.seconds())
                    + " s) re-analysed by " + a.producers().values() + "; baselines captured at "
                    + String.format(Locale.ROOT, "%.1f", a.baselineAtSeconds()) + " s (" + a.baselineSource() + ")"
                    + (a.failures().isEmpty() ? "" : "; failures: " + a.failures()));
        }
        sources.add("Event log: " + events.size() + " entries from the case database.");
        return new ReportContent(c.id(), header(c, recordings, zone), protocol(c, analyses), baselines, changes, panels, trends,
                log(events, zone), interpretation(analyses, baselines, changes), conclusion(changes), sources, null);
    }

    /** The draft report of a recording that belongs to no case (a file recorded elsewhere): no team, no event log. */
    public static ReportContent draftOfRecording(java.nio.file.Path file, CaseAnalysis a) {
        List<BaselineRow> baselines = baselines(a);
        List<Change> changes = changes(a, List.of());
        List<String[]> f = List.<String[]>of(new String[] { "Recording", file.getFileName().toString() },
                new String[] { "Case", "none: a recording without a case (no patient or team data)" });
        List<ProtocolLine> protocol = new ArrayList<>();
        a.settings().forEach((id, values) -> protocol.add(new ProtocolLine(id, id.toUpperCase(Locale.ROOT), "", "",
                values.entrySet().stream().filter(e -> !e.getKey().startsWith("alarm.") && e.getKey().contains("hz"))
                        .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; ")),
                values.entrySet().stream().filter(e -> e.getKey().startsWith("alarm.")).map(e -> e.getKey() + " = " + e.getValue())
                        .collect(Collectors.joining("; ")),
                "effective settings of " + a.producers().getOrDefault(id, id) + ": the processor's defaults")));
        return new ReportContent(file.getFileName().toString(), new ReportContent.Header(f), protocol, baselines, changes,
                waveforms(a).stream().limit(MAX_PANELS).toList(), trends(a).stream().limit(MAX_PANELS).toList(), List.of(),
                interpretation(List.of(a), baselines, changes), conclusion(changes),
                List.of(file.getFileName() + " re-analysed by " + a.producers().values() + "; baselines captured at "
                        + String.format(Locale.ROOT, "%.1f", a.baselineAtSeconds()) + " s (" + a.baselineSource() + ")"), null);
    }

    static ReportContent.Header header(MonitoringCase c, List<CaseRecording> recordings, ZoneId zone) {
        Patient p = c.patient();
        List<String[]> f = new ArrayList<>();
        f.add(new String[] { "Case", c.id() + (c.demo() ? " (demo case, not a patient)" : "") });
        f.add(new String[] { "Patient", p.familyName() + ", " + p.givenName() });
        f.add(new String[] { "MRN", p.mrn() });
        f.add(new String[] { "Birth date / sex", (p.birthDate() == null ? "unknown" : p.birthDate().toString()) + " / "
                + p.sex().name().toLowerCase(Locale.ROOT) });
        var proc = c.details().procedure();
        f.add(new String[] { "Procedure", proc.summary() + (proc.description().isBlank() ? "" : " (" + proc.description() + ")") });
        var start = c.actualStart() != null ? c.actualStart() : c.details().scheduledStart();
        f.add(new String[] { "Date", start == null ? "" : DAY.format(start.atZone(zone)) + (c.actualStart() == null ? " (scheduled)"
                : ", monitored " + WALL.format(c.actualStart().atZone(zone)).substring(11)
                        + (c.actualEnd() == null ? "" : "–" + WALL.format(c.actualEnd().atZone(zone)).substring(11))) });
        for (TeamRole role : TeamRole.values()) {
            f.add(new String[] { role.label(), c.details().member(role).map(ReportDrafts::member).orElse("—") });
        }
        f.add(new String[] { "Recordings", recordings.isEmpty() ? "none" : recordings.stream()
                .map(r -> r.file().getFileName() + " (" + String.format(Locale.ROOT, "%.0f", r.seconds()) + " s"
                        + (r.recovered() ? ", recovered" : "") + ")")
                .collect(Collectors.joining(", ")) });
        return new ReportContent.Header(f);
    }

    private static String member(TeamMember m) {
        return m.credentials().isBlank() ? m.name() : m.name() + ", " + m.credentials();
    }

    static List<ProtocolLine> protocol(MonitoringCase c, List<CaseAnalysis> analyses) {
        ProtocolTemplate t = c.details().protocol();
        Map<String, Map<String, Object>> settings = new TreeMap<>();
        Map<String, String> producers = new TreeMap<>();
        for (CaseAnalysis a : analyses) {
            settings.putAll(a.settings());
            producers.putAll(a.producers());
        }
        List<ProtocolLine> out = new ArrayList<>();
        settings.forEach((id, values) -> {
            String prefix = id + ".";
            String sites = t == null ? "" : t.stimulationSites().stream().filter(s -> siteOf(id, s)).collect(Collectors.joining(", "));
            String montage = t == null ? "" : String.join(", ", t.montage());
            String filters = values.entrySet().stream()
                    .filter(e -> !e.getKey().startsWith("alarm.") && (e.getKey().contains("hz") || e.getKey().contains("filter")
                            || e.getKey().contains("notch")))
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; "));
            String alarms = values.entrySet().stream().filter(e -> e.getKey().startsWith("alarm."))
                    .map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("; "));
            List<String> fromProtocol = t == null ? List.of()
                    : t.settings().keySet().stream().filter(k -> k.startsWith(prefix)).sorted().toList();
            String source = "effective settings of " + producers.getOrDefault(id, id) + " in the re-analysis: the processor's defaults"
                    + (fromProtocol.isEmpty() ? "" : ", with " + fromProtocol + " from protocol '" + t.name() + "' (" + t.source() + ")")
                    + (t == null ? "" : "") + ". Alarm criteria sources are named by each alarm (timeline).";
            out.add(new ProtocolLine(id, id.toUpperCase(Locale.ROOT), sites, montage, filters, alarms, source));
        });
        return out;
    }

    /** Whether a protocol site belongs to a processor: TcMEP trains to {@code mep}, nerves to {@code ssep}. */
    private static boolean siteOf(String processor, String site) {
        boolean transcranial = site.startsWith("tcmep.");
        return switch (processor) {
            case "mep" -> transcranial;
            case "ssep" -> !transcranial && !site.startsWith("screw.");
            default -> true;
        };
    }

    /** Per series, the measurement at the baseline capture (the last one at or before it, else the first after). */
    static List<BaselineRow> baselines(CaseAnalysis a) {
        Map<String, Measurement> chosen = new LinkedHashMap<>();
        List<Measurement> sorted = a.measurements().stream().sorted(Comparator.comparingDouble(Measurement::timeSeconds)).toList();
        for (Measurement m : sorted) {
            String key = m.modality() + "/" + m.site() + "/" + m.channel() + "/" + m.component();
            if (!chosen.containsKey(key) || m.timeSeconds() <= a.baselineAtSeconds()) {
                chosen.put(key, m);
            }
        }
        return chosen.values().stream()
                .sorted(Comparator.comparing(Measurement::modality).thenComparing(Measurement::site).thenComparing(Measurement::channel)
                        .thenComparing(Measurement::component))
                .map(m -> new BaselineRow(m.modality(), m.site(), m.channel(), m.component(), m.latencyMs(), m.amplitudeUv(),
                        m.value(), m.unit(), m.timeSeconds(), m.provenance().producer()))
                .toList();
    }

    /** Entries made while this segment was recording (by wall clock); every entry when the case has one segment. */
    static List<CaseEvent> eventsOf(int segment, List<CaseRecording> recordings, List<CaseEvent> events) {
        if (recordings.size() <= 1) {
            return events;
        }
        return recordings.stream().filter(r -> r.segment() == segment).findFirst()
                .map(r -> events.stream().filter(e -> r.started() != null && !e.wallClock().isBefore(r.started())
                        && (r.ended() == null || !e.wallClock().isAfter(r.ended()))).toList())
                .orElse(List.of());
    }

    static List<Change> changes(CaseAnalysis a, List<CaseEvent> events) {
        List<Change> out = new ArrayList<>();
        Map<AlarmKey, AlarmLogEntry> open = new LinkedHashMap<>();
        List<AlarmLogEntry[]> spans = new ArrayList<>();
        for (AlarmLogEntry e : a.alarms()) {
            // technical conditions (electrocautery, lead off) are not changes of the patient's signals:
            // they stay in the alarm and event logs, not in the timeline of significant changes
            if (e.key() == null || e.key().technical()) {
                continue;
            }
            switch (e.event()) {
                case RAISED, RECURRED -> open.putIfAbsent(e.key(), e);
                case CLEARED -> {
                    AlarmLogEntry raised = open.remove(e.key());
                    if (raised != null) {
                        spans.add(new AlarmLogEntry[] { raised, e });
                    }
                }
                default -> {
                }
            }
        }
        open.values().forEach(r -> spans.add(new AlarmLogEntry[] { r, null }));
        spans.sort(Comparator.comparingDouble(s -> s[0].timeSeconds()));
        for (AlarmLogEntry[] s : spans) {
            AlarmLogEntry raised = s[0];
            AlarmLogEntry cleared = s[1];
            double from = raised.timeSeconds();
            double to = cleared == null ? Double.POSITIVE_INFINITY : cleared.timeSeconds();
            String informed = events.stream().filter(ev -> ev.type() == EventType.SURGEON_INFORMED && in(ev, from, to + INFORMED_AFTER_SECONDS))
                    .map(ev -> time(ev.caseTimeSeconds()) + " " + fields(ev)).collect(Collectors.joining("; "));
            String interventions = events.stream().filter(ev -> (ev.type().category() == EventCategory.ANESTHESIA
                    || ev.type().category() == EventCategory.SURGICAL || ev.type() == EventType.NOTE) && in(ev, from - 60, to))
                    .map(ev -> time(ev.caseTimeSeconds()) + " " + ev.annotationText().substring("EVENT ".length()))
                    .collect(Collectors.joining("; "));
            AlarmKey k = raised.key();
            out.add(new Change(a.segment(), from, k.modality(), k.site(), k.channel(), k.criterion(),
                    raised.priority() == null ? "" : raised.priority().name(), raised.values(), raised.baseline(),
                    informed.isEmpty() ? "not recorded in the event log" : informed, interventions.isEmpty() ? "none recorded" : interventions,
                    cleared == null ? Double.NaN : cleared.timeSeconds(), cleared == null ? "" : cleared.values()));
        }
        return out;
    }

    private static boolean in(CaseEvent e, double from, double to) {
        return !Double.isNaN(e.caseTimeSeconds()) && e.caseTimeSeconds() >= from && e.caseTimeSeconds() <= to;
    }

    private static String fields(CaseEvent e) {
        // in the type's own field order, as the annotation text writes them
        String f = e.type().fields().stream().filter(k -> e.fields().get(k) != null && !e.fields().get(k).isBlank())
                .map(k -> k + "=" + e.fields().get(k).trim()).collect(Collectors.joining(", "));
        return (f + (e.text().isBlank() ? "" : (f.isEmpty() ? "" : ": ") + e.text())).trim() + " (entered by " + e.author() + ")";
    }

    /** Baseline, worst and closing averages of the alarmed site/channel pairs first, then the others. */
    static List<WaveformPanel> waveforms(CaseAnalysis a) {
        Set<String> alarmed = a.alarms().stream().filter(e -> e.key() != null).map(e -> e.key().modality() + "/" + e.key().site() + "/" + e.key().channel())
                .collect(Collectors.toCollection(java.util.LinkedHashSet::new));
        Map<String, List<AverageTrace>> byChannel = new LinkedHashMap<>();
        for (AverageTrace t : a.averages()) {
            byChannel.computeIfAbsent(t.modality() + "/" + t.site() + "/" + t.channel(), k -> new ArrayList<>()).add(t);
        }
        List<String> order = new ArrayList<>(alarmed.stream().filter(byChannel::containsKey).toList());
        byChannel.keySet().stream().filter(k -> !order.contains(k)).forEach(order::add);
        List<WaveformPanel> out = new ArrayList<>();
        for (String key : order) {
            List<AverageTrace> traces = byChannel.get(key);
            AverageTrace baseline = a.baselines().stream().filter(b -> key.equals(b.modality() + "/" + b.site() + "/" + b.channel()))
                    .findFirst().orElse(closest(traces, a.baselineAtSeconds()));
            AverageTrace closing = traces.getLast();
            AverageTrace worst = traces.stream().filter(t -> t.timeSeconds() >= baseline.timeSeconds())
                    .min(Comparator.comparingDouble(t -> range(t.samplesUv()))).orElse(closing);
            out.add(new WaveformPanel(key.replace('/', ' '), baseline.samplingRateHz(), List.of(
                    new Curve("baseline " + time(baseline.timeSeconds()), baseline.samplesUv()),
                    new Curve("smallest " + time(worst.timeSeconds()), worst.samplesUv()),
                    new Curve("closing " + time(closing.timeSeconds()), closing.samplesUv()))));
        }
        return out;
    }

    private static AverageTrace closest(List<AverageTrace> traces, double t) {
        return traces.stream().min(Comparator.comparingDouble(x -> Math.abs(x.timeSeconds() - t))).orElseThrow();
    }

    /** Peak-to-peak of an average: the "worst" average is the one with the smallest response. */
    static double range(float[] v) {
        float min = Float.POSITIVE_INFINITY;
        float max = Float.NEGATIVE_INFINITY;
        for (float x : v) {
            min = Math.min(min, x);
            max = Math.max(max, x);
        }
        return max - min;
    }

    /** Amplitude trends of the alarmed channels, with their alarm intervals. */
    static List<TrendPlot> trends(CaseAnalysis a) {
        Map<String, List<TrendPoint>> series = new LinkedHashMap<>();
        for (TrendPoint p : a.trends()) {
            series.computeIfAbsent(p.modality() + "/" + p.series(), k -> new ArrayList<>()).add(p);
        }
        List<Change> spans = changes(a, List.of());
        List<TrendPlot> out = new ArrayList<>();
        for (Change c : spans) {
            String prefix = c.modality() + "/" + c.site() + "/" + c.channel() + "/";
            series.entrySet().stream().filter(e -> e.getKey().startsWith(prefix) && (e.getKey().endsWith("amplitude") || e.getKey().endsWith("p2p")))
                    .findFirst().ifPresent(e -> {
                        String title = e.getKey().replace('/', ' ');
                        if (out.stream().noneMatch(p -> p.title().equals(title))) {
                            List<TrendPoint> pts = e.getValue();
                            List<double[]> intervals = spans.stream().filter(x -> x.modality().equals(c.modality()) && x.site().equals(c.site())
                                    && x.channel().equals(c.channel()))
                                    .map(x -> new double[] { x.raisedSeconds(), Double.isNaN(x.recoveredSeconds()) ? a.seconds() : x.recoveredSeconds() })
                                    .toList();
                            out.add(new TrendPlot(title, pts.getFirst().unit(), pts.stream().mapToDouble(TrendPoint::timeSeconds).toArray(),
                                    pts.stream().mapToDouble(TrendPoint::value).toArray(), intervals));
                        }
                    });
        }
        return out;
    }

    static List<LogLine> log(List<CaseEvent> events, ZoneId zone) {
        return events.stream().map(e -> new LogLine(time(e.caseTimeSeconds()), WALL.format(e.wallClock().atZone(zone)), e.type().label(),
                e.annotationText().substring(("EVENT " + e.type().label()).length()).replaceFirst("^[: ]+", ""), e.author())).toList();
    }

    static String interpretation(List<CaseAnalysis> analyses, List<BaselineRow> baselines, List<Change> changes) {
        StringBuilder sb = new StringBuilder();
        Set<String> modalities = new java.util.TreeSet<>();
        baselines.forEach(b -> modalities.add(b.modality()));
        sb.append("Baselines were obtained for ").append(modalities.isEmpty() ? "no modality" : String.join(", ", modalities))
                .append(" (").append(baselines.size()).append(" values). ");
        if (changes.isEmpty()) {
            sb.append("No significant change from baseline occurred during monitoring.");
        }
        for (Change c : changes) {
            sb.append(String.format(Locale.ROOT, "At %s %s %s %s met the alarm criterion (%s): %s against %s. ", time(c.raisedSeconds()),
                    c.modality(), c.site(), c.channel(), c.criterion(), c.values(), c.baseline()));
            sb.append(Double.isNaN(c.recoveredSeconds()) ? "It had not recovered by the end of monitoring. "
                    : "It recovered at " + time(c.recoveredSeconds()) + ". ");
        }
        return sb.toString().trim();
    }

    static String conclusion(List<Change> changes) {
        long unrecovered = changes.stream().filter(c -> Double.isNaN(c.recoveredSeconds())).count();
        if (changes.isEmpty()) {
            return "Stable neurophysiological monitoring; no significant change.";
        }
        return changes.size() + " significant change" + (changes.size() == 1 ? "" : "s") + " during monitoring; "
                + (unrecovered == 0 ? "all recovered before the end of monitoring." : unrecovered + " had not recovered by the end of monitoring.");
    }

    /** Case time as {@code h:mm:ss} (or "—" when no acquisition ran), the form the whole report uses. */
    public static String time(double seconds) {
        if (Double.isNaN(seconds)) {
            return "—";
        }
        long s = Math.round(seconds);
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
