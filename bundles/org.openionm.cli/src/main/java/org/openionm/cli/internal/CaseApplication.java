package org.openionm.cli.internal;

import java.io.PrintStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseRecording;
import org.openionm.cases.CaseState;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.Patient;
import org.openionm.cases.Procedure;
import org.openionm.cases.ProtocolTemplate;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;

/**
 * {@code openionm case new|list|show|close}: the case store from the command line, through the same
 * store, validation and audit trail as the workbench's Cases part.
 */
public class CaseApplication extends Command {

    static final String USAGE = """
            usage: openionm case new --patient "Family^Given" --mrn <MRN> --procedure <type> [--birth-date YYYY-MM-DD]
                                     [--sex f|m|o|u] [--levels T10-L2] [--side left|right|bilateral|midline]
                                     [--description <text>] [--template <id>] [--surgeon "Name[, credentials]"]
                                     [--anesthesiologist ...] [--technologist ...] [--neurophysiologist ...] [--user <name>]
                   openionm case list [--query <text>] [--limit N]
                   openionm case show <case-id>
                   openionm case close <case-id> [--user <name>]
                   (--data <dir> or OPENIONM_DATA chooses the data area)""";

    private final PrintStream out = System.out;

    @Override
    String name() {
        return "case";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        if (args.length == 0) {
            throw new UsageException("missing sub-command: new, list, show or close");
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        return switch (args[0]) {
            case "new" -> create(rest);
            case "list" -> list(rest);
            case "show" -> show(rest);
            case "close" -> close(rest);
            default -> throw new UsageException("unknown sub-command '" + args[0] + "': new, list, show or close");
        };
    }

    private int create(String[] args) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("patient", "mrn", "procedure", "birth-date", "sex", "levels", "side",
                "description", "template", "surgeon", "anesthesiologist", "technologist", "neurophysiologist", "user"));
        noPositional(a);
        LocalDate birth = null;
        String birthText = a.optional("birth-date", null);
        if (birthText != null) {
            try {
                birth = LocalDate.parse(birthText);
            } catch (DateTimeParseException e) {
                throw new UsageException("--birth-date must be YYYY-MM-DD, was '" + birthText + "'");
            }
        }
        Sex sex;
        Side side;
        try {
            sex = Sex.parse(a.optional("sex", "unknown"));
            side = side(a.optional("side", "n/a"));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        try (CaseAccess access = CaseAccess.open(a.optional("user", null))) {
            ProtocolTemplate template = template(access, a.optional("template", null), a.required("procedure"));
            List<TeamMember> team = new ArrayList<>();
            for (TeamRole role : TeamRole.values()) {
                String given = a.optional(role.name().toLowerCase(Locale.ROOT), null);
                if (given != null) {
                    int comma = given.indexOf(',');
                    team.add(comma < 0 ? new TeamMember(role, given.trim(), "")
                            : new TeamMember(role, given.substring(0, comma).trim(), given.substring(comma + 1).trim()));
                }
            }
            CaseDetails details = new CaseDetails(new Patient(a.required("patient"), a.required("mrn"), birth, sex),
                    new Procedure(a.required("procedure"), a.optional("description", ""), a.optional("levels", ""), side),
                    null, team, template);
            List<String> problems = access.db.cases().validate(details);
            if (!problems.isEmpty()) {
                throw new UsageException(String.join("; ", problems));
            }
            MonitoringCase created = access.db.cases().create(details, false, access.actor());
            out.println(created.id());
            err.println("case: created " + created.id() + " (" + created.label() + ") in " + created.folder());
            return 0;
        }
    }

    private static ProtocolTemplate template(CaseAccess access, String id, String procedure) throws UsageException {
        List<ProtocolTemplate> templates = access.db.cases().templates();
        if (id != null) {
            return templates.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow(() -> new UsageException(
                    "no protocol template '" + id + "'; there are: " + String.join(", ", templates.stream().map(ProtocolTemplate::id).toList())));
        }
        // the first template made for this procedure type, as the Cases part proposes it
        return templates.stream().filter(t -> t.procedureTypes().stream().anyMatch(p -> p.equalsIgnoreCase(procedure)))
                .findFirst().orElse(null);
    }

    private static Side side(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("n/a") || t.isEmpty()) {
            return Side.NOT_APPLICABLE;
        }
        for (Side s : Side.values()) {
            if (s.label().equals(t)) {
                return s;
            }
        }
        throw new IllegalArgumentException("--side must be left, right, bilateral, midline or n/a, was '" + text + "'");
    }

    private int list(String[] args) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("query", "limit"));
        noPositional(a);
        int limit = (int) a.number("limit", 50, 1, 10_000);
        try (var db = CaseAccess.openReadOnly()) {
            List<MonitoringCase> cases = db.cases().search(a.optional("query", ""), limit);
            out.printf(Locale.ROOT, "%-16s %-12s %-8s %-14s %s%n", "CASE", "STATE", "PATIENT", "MRN", "PROCEDURE");
            for (MonitoringCase c : cases) {
                out.printf(Locale.ROOT, "%-16s %-12s %-8s %-14s %s%s%n", c.id(), c.state().label(), c.patient().initials(),
                        c.patient().mrn(), c.details().procedure().summary(), c.demo() ? "  [demo]" : "");
            }
            err.println("case: " + cases.size() + " case(s) in " + db.describe());
            return 0;
        }
    }

    private int show(String[] args) throws Exception {
        String id = onlyCaseId(args);
        try (var db = CaseAccess.openReadOnly()) {
            MonitoringCase c = db.cases().find(id).orElseThrow(() -> new IllegalArgumentException("no case '" + id + "'"));
            out.println("Case        " + c.id() + (c.demo() ? "  (demo: synthetic patient)" : ""));
            out.println("State       " + c.state().label());
            out.println("Patient     " + c.patient().name() + "  MRN " + c.patient().mrn() + "  born "
                    + (c.patient().birthDate() == null ? "?" : c.patient().birthDate()) + "  " + c.patient().sex().code());
            Procedure p = c.details().procedure();
            out.println("Procedure   " + p.summary() + (p.side() == Side.NOT_APPLICABLE ? "" : ", " + p.side().label())
                    + (p.description().isBlank() ? "" : " — " + p.description()));
            out.println("Protocol    " + (c.details().protocol() == null ? "none" : c.details().protocol().name()));
            out.println("Times       created " + c.created() + ", started " + orDash(c.actualStart()) + ", ended " + orDash(c.actualEnd()));
            for (TeamMember m : c.details().team()) {
                out.println("Team        " + m.role().label() + ": " + m.name() + (m.credentials().isBlank() ? "" : ", " + m.credentials()));
            }
            for (CaseRecording r : db.cases().recordings(c.id())) {
                out.printf(Locale.ROOT, "Recording   %s  %.1f s  %.1f MB%s%n", r.file(), r.seconds(), r.bytes() / 1e6,
                        r.recovered() ? "  recovered: " + r.note() : "");
            }
            for (CaseEvent e : db.events().events(c.id())) {
                out.printf(Locale.ROOT, "Event       %s  %s  %s  (%s)%n", caseTime(e.caseTimeSeconds()), e.wallClock(),
                        e.annotationText(), e.author());
            }
            return 0;
        }
    }

    private int close(String[] args) throws Exception {
        Arguments a = Arguments.parse(args, Set.of("user"));
        List<String> ids = a.positional();
        if (ids.size() != 1) {
            throw new UsageException("give exactly one case id");
        }
        try (CaseAccess access = CaseAccess.open(a.optional("user", null))) {
            MonitoringCase c = access.db.cases().moveTo(ids.get(0), CaseState.CLOSED, access.actor());
            err.println("case: " + c.id() + " is " + c.state().label());
            return 0;
        }
    }

    private static String onlyCaseId(String[] args) throws UsageException {
        if (args.length != 1 || args[0].startsWith("--")) {
            throw new UsageException("give exactly one case id");
        }
        return args[0];
    }

    private static void noPositional(Arguments a) throws UsageException {
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        }
    }

    private static String orDash(Instant t) {
        return t == null ? "—" : t.toString();
    }

    static String caseTime(double seconds) {
        if (Double.isNaN(seconds)) {
            return "--:--:--";
        }
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
