package org.openionm.report;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.cases.TeamRole;
import org.openionm.io.edf.EdfDeidentifier;

/**
 * The de-identified copy of a report's content, for the de-identified export (issue 13, item 4): no
 * patient name, MRN or birth date, no team names, no case id (it holds the case's date), every date
 * moved back by the same secret offset as the export's EDF+ copies, and the identifiers scrubbed from
 * every free text (event log, interpretation, conclusion, sources) with the EDF+ export's own scrubber.
 * The copy carries no signature: it is not the signed record, and the signer's name is a name.
 *
 * @since 0.2.0
 */
public final class ReportDeidentifier {

    /** What replaces a removed header value. */
    public static final String REMOVED = "removed (de-identified)";
    /** The case id printed on a de-identified report. */
    public static final String CASE = "de-identified case";

    private static final Set<String> PATIENT_FIELDS = Set.of("Patient", "MRN", "Birth date / sex");
    private static final Pattern DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter WALL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);

    private ReportDeidentifier() {
    }

    /**
     * @param identifiers words to remove from free text (patient name and its parts, MRN, birth date, team
     *                    names, the case id; as {@code export} collects them)
     * @param shiftDays   days every date moves back (the export's secret offset)
     */
    public static ReportContent deidentify(ReportContent c, List<String> identifiers, int shiftDays) {
        List<String> ids = new ArrayList<>(identifiers);
        ids.add(c.caseId());
        List<String> roles = java.util.Arrays.stream(TeamRole.values()).map(TeamRole::label).toList();
        List<String[]> header = new ArrayList<>();
        for (String[] f : c.header().fields()) {
            String value;
            if (f[0].equals("Case")) {
                value = CASE;
            } else if (PATIENT_FIELDS.contains(f[0]) || roles.contains(f[0])) {
                value = REMOVED;
            } else if (f[0].equals("Date")) {
                value = shiftDays(f[1], shiftDays);
            } else {
                value = scrub(f[1], ids, shiftDays);
            }
            header.add(new String[] { f[0], value });
        }
        List<ReportContent.Change> changes = c.changes().stream().map(x -> new ReportContent.Change(x.segment(), x.raisedSeconds(),
                x.modality(), x.site(), x.channel(), x.criterion(), x.priority(), x.values(), x.baseline(), scrub(x.informed(), ids, shiftDays),
                scrub(x.interventions(), ids, shiftDays), x.recoveredSeconds(), x.recoveryValues())).toList();
        List<ReportContent.LogLine> log = c.eventLog().stream().map(l -> new ReportContent.LogLine(l.caseTime(), shiftWall(l.wallClock(), shiftDays),
                l.type(), scrub(l.text(), ids, shiftDays), "")).toList();
        return new ReportContent(CASE, new ReportContent.Header(header), c.protocol(), c.baselines(), changes, c.waveforms(), c.trends(), log,
                scrub(c.interpretation(), ids, shiftDays), scrub(c.conclusion(), ids, shiftDays),
                c.sources().stream().map(s -> scrub(s, ids, shiftDays)).toList(), null);
    }

    /** Free text with the identifiers removed and any ISO date in it moved back. */
    static String scrub(String text, List<String> ids, int shiftDays) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return shiftDays(EdfDeidentifier.scrub(text, ids.stream().filter(s -> s != null && !s.isBlank()).toList()), shiftDays);
    }

    /** Every {@code yyyy-MM-dd} in a text moved back by the offset. */
    static String shiftDays(String text, int shiftDays) {
        Matcher m = DAY.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String replacement;
            try {
                replacement = LocalDate.parse(m.group()).minusDays(shiftDays).toString();
            } catch (DateTimeParseException e) {
                replacement = m.group();
            }
            m.appendReplacement(sb, replacement);
        }
        return m.appendTail(sb).toString();
    }

    private static String shiftWall(String wall, int shiftDays) {
        try {
            return WALL.format(LocalDateTime.parse(wall, WALL).minusDays(shiftDays));
        } catch (DateTimeParseException e) {
            return shiftDays(wall, shiftDays);
        }
    }
}
