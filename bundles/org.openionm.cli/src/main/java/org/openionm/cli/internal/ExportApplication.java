package org.openionm.cli.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openionm.cases.AuditActions;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.TeamMember;
import org.openionm.io.edf.EdfDeidentifier;
import org.openionm.io.edf.EdfReader;
import org.openionm.report.PdfReportWriter;
import org.openionm.report.ReportContent;
import org.openionm.report.ReportDeidentifier;

/**
 * {@code openionm export <case-id|file> --deidentify --out <dir>}: a de-identified copy of a case's
 * recordings and event log (or of one recording) for teaching, research or a second opinion. Every
 * date moves back by one secret offset (random unless {@code --shift-days}; never written anywhere),
 * the patient's name, MRN and birth date and the team's names are removed from the headers, the
 * annotations and the event texts, the case's report (re-analysed, as {@code report --deidentify} prints
 * it) is written as {@code report.pdf}, and the export is written to the case's audit trail.
 */
public class ExportApplication extends Command {

    static final String USAGE = "usage: openionm export <case-id|file.edf|file.bdf> --deidentify --out <dir>"
            + " [--shift-days N] [--remove <text> ...] [--user <name>]";

    @Override
    String name() {
        return "export";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        List<String> rest = new ArrayList<>(List.of(args));
        boolean deidentify = rest.remove("--deidentify"); // a flag without a value
        Arguments a = Arguments.parse(rest.toArray(String[]::new), Set.of("out", "shift-days", "remove", "user"));
        if (!deidentify) {
            throw new UsageException("only the de-identified export exists: give --deidentify");
        }
        if (a.positional().size() != 1) {
            throw new UsageException("give one case id or one recording");
        }
        Path out = Path.of(a.required("out")).toAbsolutePath();
        if (Files.exists(out) && (!Files.isDirectory(out) || Files.list(out).findAny().isPresent())) {
            throw new UsageException("--out must be a new or empty folder: " + out);
        }
        int shift = a.optional("shift-days", null) == null ? 1 + new SecureRandom().nextInt(3650)
                : (int) a.number("shift-days", 0, 0, 36_500);
        Set<String> identifiers = new LinkedHashSet<>(a.values("remove"));
        String target = a.positional().get(0);
        Files.createDirectories(out);
        if (Files.isRegularFile(Path.of(target))) {
            Path file = Path.of(target);
            try (EdfReader reader = EdfReader.open(file)) {
                identifiers.addAll(EdfDeidentifier.identifiersInHeader(reader.header()));
            }
            String name = "deidentified" + extension(file);
            EdfDeidentifier.Result r = EdfDeidentifier.copy(file, out.resolve(name), new EdfDeidentifier.Spec(shift,
                    List.copyOf(identifiers)));
            err.printf(Locale.ROOT, "export: %s → %s (%d annotation texts changed; dates shifted by a secret offset)%n",
                    file.getFileName(), r.file(), r.annotationsChanged());
            return 0;
        }
        try (CaseAccess access = CaseAccess.open(a.optional("user", null))) {
            MonitoringCase c = access.db.cases().find(target)
                    .orElseThrow(() -> new IllegalArgumentException("no case '" + target + "' and no such file"));
            identifiers.addAll(patientIdentifiers(c));
            List<CaseRecording> recordings = access.db.cases().recordings(c.id());
            for (CaseRecording recording : recordings) {
                try (EdfReader reader = EdfReader.open(recording.file())) {
                    identifiers.addAll(EdfDeidentifier.identifiersInHeader(reader.header()));
                }
            }
            List<String> ids = List.copyOf(identifiers);
            int n = 0;
            for (CaseRecording recording : recordings) {
                Path copy = out.resolve(String.format(Locale.ROOT, "recording-%03d%s", recording.segment(),
                        extension(recording.file())));
                EdfDeidentifier.Result r = EdfDeidentifier.copy(recording.file(), copy, new EdfDeidentifier.Spec(shift, ids));
                err.printf(Locale.ROOT, "export: %s → %s (%d annotation texts changed)%n", recording.file().getFileName(),
                        copy.getFileName(), r.annotationsChanged());
                n++;
            }
            List<CaseEvent> events = access.db.events().events(c.id());
            Files.writeString(out.resolve("events.json"), eventsJson(events, ids, shift), StandardCharsets.UTF_8);
            // the report as `report --deidentify` prints it, with this export's offset and identifiers
            List<String> reportIds = new ArrayList<>(ids);
            events.forEach(e -> reportIds.add(e.author()));
            ReportContent report = ReportDeidentifier.deidentify(new ReportApplication().draft(access, c, Double.NaN, new ArrayList<>()),
                    reportIds, shift);
            Files.write(out.resolve("report.pdf"), PdfReportWriter.write(report));
            // who exported what, and where; never the offset (it would undo the shift)
            access.db.audit().append(access.actor().username(), AuditActions.EXPORTED, c.id(), String.format(Locale.ROOT,
                    "de-identified export: %d recordings, %d event-log entries, the report to %s", n, events.size(), out));
            err.printf(Locale.ROOT, "export: case %s: %d recordings, %d event-log entries and the report de-identified into %s;"
                    + " dates shifted by a secret offset%n", c.id(), n, events.size(), out);
            return 0;
        }
    }

    private static String extension(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".edf") ? ".edf" : ".bdf";
    }

    /** The patient's name (whole and each part), MRN, birth date and every team member's name. */
    static List<String> patientIdentifiers(MonitoringCase c) {
        List<String> ids = new ArrayList<>();
        var patient = c.details().patient();
        ids.add(patient.name());
        for (String part : patient.name().split("[\\^ ,]+")) {
            if (part.length() >= 2) {
                ids.add(part);
            }
        }
        ids.add(patient.mrn());
        if (patient.birthDate() != null) {
            ids.add(patient.birthDate().toString());
        }
        for (TeamMember member : c.details().team()) {
            if (member.name() != null && !member.name().isBlank()) {
                ids.add(member.name());
                for (String part : member.name().split("[ ,.]+")) {
                    if (part.length() >= 3 && !part.equalsIgnoreCase("Dr") && !part.equalsIgnoreCase("MD")) {
                        ids.add(part);
                    }
                }
            }
        }
        return ids;
    }

    /** Case time, type, fields and text of every entry, scrubbed; no author, wall clock shifted. */
    private static String eventsJson(List<CaseEvent> events, List<String> ids, int shiftDays) {
        Json j = new Json().begin('[');
        for (CaseEvent e : events) {
            j.element().begin('{').field("caseTimeSeconds", e.caseTimeSeconds()).field("type", e.type().name())
                    .field("wallClock", e.wallClock().minus(java.time.Duration.ofDays(shiftDays)).toString());
            j.key("fields").begin('{');
            e.fields().forEach((k, v) -> j.field(k, EdfDeidentifier.scrub(v, ids)));
            j.end('}');
            j.field("text", EdfDeidentifier.scrub(e.text(), ids)).end('}');
        }
        return j.end(']').toString();
    }
}
