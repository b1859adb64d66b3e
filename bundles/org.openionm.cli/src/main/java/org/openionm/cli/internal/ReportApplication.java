package org.openionm.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openionm.alarm.AlarmManager;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.SignedReport;
import org.openionm.io.edf.EdfHeader;
import org.openionm.io.edf.EdfReader;
import org.openionm.processing.ProcessorHost;
import org.openionm.report.CaseAnalysis;
import org.openionm.report.PdfReportWriter;
import org.openionm.report.RecordingAnalyzer;
import org.openionm.report.ReportContent;
import org.openionm.report.ReportDeidentifier;
import org.openionm.report.ReportDrafts;

/**
 * {@code openionm report}: the report of a case (or of a recording without a case) as PDF, drafted from
 * the re-analysis of its recordings by the installed modality processors and its event log; with
 * {@code --sign} signed by a neurophysiologist (user id and password asked again), with
 * {@code --amend --reason} a new signed version of a signed report.
 */
public class ReportApplication extends Command {

    static final String USAGE = "usage: openionm report <case-id|file.bdf> --pdf <out.pdf> [--fhir <out.json>] [--deidentify]"
            + " [--sign | --amend --reason \"…\"]"
            + " [--user <name>] [--interpretation <file>] [--conclusion <file>] [--baseline-at <s>]"
            + "   (password from OPENIONM_PASSWORD or typed; --data <dir> or OPENIONM_DATA chooses the data area)";

    @Override
    String name() {
        return "report";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean sign = rest.remove("--sign");
        boolean amend = rest.remove("--amend");
        boolean deidentify = rest.remove("--deidentify");
        Arguments a = Arguments.parse(rest.toArray(String[]::new),
                Set.of("pdf", "fhir", "user", "reason", "interpretation", "conclusion", "baseline-at"));
        if (a.positional().size() != 1) {
            throw new UsageException("expected exactly one case id or recording");
        }
        if (sign && amend) {
            throw new UsageException("--sign signs the first version, --amend a later one: give one");
        }
        String reason = a.optional("reason", null);
        if (amend != (reason != null)) {
            throw new UsageException(amend ? "--amend needs --reason \"why the signed report changes\"" : "--reason goes with --amend");
        }
        if (deidentify && (sign || amend)) {
            throw new UsageException("a de-identified report is a copy, never signed: --deidentify goes without --sign/--amend");
        }
        Path pdf = Path.of(a.required("pdf")).toAbsolutePath();
        Path fhir = a.optional("fhir", null) == null ? null : Path.of(a.optional("fhir", null)).toAbsolutePath();
        // the same secret offset for every date of this output, never written anywhere (as export does)
        int shift = deidentify ? 1 + new java.security.SecureRandom().nextInt(3650) : 0;
        String target = a.positional().get(0);
        double baselineAt = a.number("baseline-at", Double.NaN, 0, 1e7);
        String interpretation = text(a.optional("interpretation", null));
        String conclusion = text(a.optional("conclusion", null));
        long t0 = System.nanoTime();
        if (target.toLowerCase(Locale.ROOT).endsWith(".bdf") || target.toLowerCase(Locale.ROOT).endsWith(".edf")) {
            if (sign || amend) {
                throw new UsageException("only a case's report is signed: give its case id");
            }
            Path file = Path.of(target).toAbsolutePath();
            CaseAnalysis analysis = analyze(1, file, List.of(), baselineAt);
            ReportContent content = ReportDrafts.draftOfRecording(file, analysis).withText(interpretation, conclusion);
            if (deidentify) {
                try (EdfReader reader = EdfReader.open(file)) {
                    content = ReportDeidentifier.deidentify(content, org.openionm.io.edf.EdfDeidentifier.identifiersInHeader(reader.header()), shift);
                }
            }
            byte[] bytes = pdf(content);
            write(pdf, bytes, t0, content);
            if (fhir != null) {
                fhir(fhir, null, content, List.of(analysis), Map.of(), bytes, deidentify, shift);
            }
            return 0;
        }
        try (CaseAccess access = CaseAccess.open(a.optional("user", null))) {
            MonitoringCase c = access.db.cases().find(target).orElseThrow(() -> new IllegalArgumentException("no case '" + target + "'"));
            List<CaseRecording> recordings = access.db.cases().recordings(c.id()).stream()
                    .sorted(Comparator.comparingInt(CaseRecording::segment)).toList();
            List<CaseEvent> events = access.db.events().events(c.id());
            List<CaseAnalysis> analyses = new ArrayList<>();
            ReportContent content = draft(access, c, baselineAt, analyses).withText(interpretation, conclusion);
            Map<Integer, Instant> starts = new java.util.HashMap<>();
            recordings.stream().filter(r -> r.started() != null).forEach(r -> starts.put(r.segment(), r.started()));
            if (!sign && !amend) {
                ReportContent printed = content;
                if (deidentify) {
                    List<String> ids = new ArrayList<>(ExportApplication.patientIdentifiers(c));
                    events.forEach(e -> ids.add(e.author()));
                    printed = ReportDeidentifier.deidentify(content, ids, shift);
                }
                byte[] bytes = pdf(printed);
                write(pdf, bytes, t0, printed);
                if (fhir != null) {
                    fhir(fhir, c, printed, analyses, starts, bytes, deidentify, shift);
                }
                return 0;
            }
            // the signature's two components are asked again, whoever ran the command
            String signer = a.optional("user", null);
            if (signer == null) {
                throw new UsageException("signing needs --user <name> (a neurophysiologist)");
            }
            ReportContent[] rendered = { content };
            SignedReport signed = access.db.reports().sign(c.id(), signer, CaseAccess.password(), reason,
                    signing -> pdf(rendered[0] = content.signed(signing)), Instant.now());
            byte[] bytes = access.db.reports().pdf(c.id(), signed.version());
            write(pdf, bytes, t0, content);
            if (fhir != null) {
                fhir(fhir, c, rendered[0], analyses, starts, bytes, false, 0);
            }
            System.out.println("signed version " + signed.version() + " of the report of case " + c.id() + " by "
                    + signed.signature().printedName() + " (" + signed.signature().meaning() + "), SHA-256 " + signed.sha256());
            return 0;
        }
    }

    /**
     * The draft report of a case: every segment re-analysed through the installed processors (baselines
     * where the event log says), the draft built from them. {@code analyses} receives the analyses.
     */
    ReportContent draft(CaseAccess access, MonitoringCase c, double baselineAt, List<CaseAnalysis> analyses) throws Exception {
        List<CaseRecording> recordings = access.db.cases().recordings(c.id()).stream()
                .sorted(Comparator.comparingInt(CaseRecording::segment)).toList();
        List<CaseEvent> events = access.db.events().events(c.id());
        List<String> protocolSettings = c.details().protocol() == null ? List.of()
                : c.details().protocol().settings().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).sorted().toList();
        for (CaseRecording r : recordings) {
            Path file = r.file().isAbsolute() ? r.file() : access.db.area().root().resolve(r.file());
            analyses.add(analyze(r.segment(), file, eventsOf(r, recordings, events), baselineAt, protocolSettings));
        }
        return ReportDrafts.draft(c, recordings, events, analyses, ZoneId.systemDefault());
    }

    private CaseAnalysis analyze(int segment, Path file, List<CaseEvent> events, double baselineAt) throws Exception {
        return analyze(segment, file, events, baselineAt, List.of());
    }

    /** One segment through the installed processors, baselines captured where the event log says (else the given or default time). */
    private CaseAnalysis analyze(int segment, Path file, List<CaseEvent> events, double baselineAt, List<String> settings)
            throws Exception {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no such recording: " + file);
        }
        double seconds;
        try (EdfReader reader = EdfReader.open(file)) {
            EdfHeader h = reader.header();
            seconds = h.recordCount() * h.recordDurationSeconds();
        }
        double at;
        String why;
        CaseEvent captured = events.stream().filter(e -> e.type() == EventType.BASELINE_CAPTURED && !Double.isNaN(e.caseTimeSeconds()))
                .findFirst().orElse(null);
        if (!Double.isNaN(baselineAt)) {
            at = baselineAt;
            why = "--baseline-at";
        } else if (captured != null) {
            at = captured.caseTimeSeconds();
            why = "event log: Baseline captured at " + ReportDrafts.time(at) + " by " + captured.author();
        } else {
            at = AnalyzeApplication.DEFAULT_BASELINE_S;
            why = "no baseline capture in the event log: analyze's default " + (int) AnalyzeApplication.DEFAULT_BASELINE_S + " s";
        }
        ProcessorHost host = Services.service(ProcessorHost.class);
        RecordingAnalyzer analyzer = new RecordingAnalyzer(Services.engine(), Services.driver(Services.engine(), "edf"), host,
                Services.service(AlarmManager.class));
        try (SettingOverrides overrides = SettingOverrides.apply(host, settings)) {
            Progress progress = new Progress(err, "report");
            CaseAnalysis result = analyzer.analyze(segment, file, seconds, Map.of(), at, why, Duration.ofSeconds(120), progress::show);
            progress.done();
            return result;
        }
    }

    private void fhir(Path out, MonitoringCase c, ReportContent content, List<CaseAnalysis> analyses, Map<Integer, Instant> starts,
            byte[] pdfBytes, boolean deidentified, int shift) throws java.io.IOException {
        long start = System.nanoTime();
        int chars = FhirOutput.write(out, c, content, analyses, starts, pdfBytes, deidentified, shift);
        err.printf(Locale.ROOT, "report: FHIR R4 bundle (%d baselines, %d changes%s), %d characters in %.2f s → %s%n", content.baselines().size(),
                content.changes().size(), deidentified ? ", de-identified" : "", chars, (System.nanoTime() - start) / 1e9, out);
    }

    private static List<CaseEvent> eventsOf(CaseRecording r, List<CaseRecording> all, List<CaseEvent> events) {
        if (all.size() <= 1) {
            return events;
        }
        return events.stream().filter(e -> r.started() != null && !e.wallClock().isBefore(r.started())
                && (r.ended() == null || !e.wallClock().isAfter(r.ended()))).toList();
    }

    private static String text(String file) throws java.io.IOException {
        return file == null ? null : Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
    }

    /** Time spent writing PDFs (docs/performance.md reports it apart from the re-analysis). */
    private long pdfNanos;

    private byte[] pdf(ReportContent content) {
        long start = System.nanoTime();
        byte[] bytes = PdfReportWriter.write(content);
        pdfNanos += System.nanoTime() - start;
        return bytes;
    }

    private void write(Path pdf, byte[] bytes, long t0, ReportContent content) throws java.io.IOException {
        Files.write(pdf, bytes);
        err.printf(Locale.ROOT, "report: %s: %d baselines, %d significant changes, %d event-log entries, %d bytes in %.1f s"
                + " (PDF %.2f s) → %s%n", content.caseId(), content.baselines().size(), content.changes().size(),
                content.eventLog().size(), bytes.length, (System.nanoTime() - t0) / 1e9, pdfNanos / 1e9, pdf);
    }
}
