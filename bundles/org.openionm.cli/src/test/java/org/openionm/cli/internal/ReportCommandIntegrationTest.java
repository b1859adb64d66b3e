package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventType;
import org.openionm.cases.Role;
import org.openionm.cases.User;
import org.openionm.cases.internal.JdbcCaseDatabase;
import org.openionm.report.ReportDrafts;

/**
 * The report of a recorded simulated case, end to end inside OSGi: a case is recorded from a shortened
 * spinal-cord-ischaemia scenario (left-leg MEPs lost at 200 s, restored from 300 s), the technologist's
 * event-log entries are added, and {@code ./openionm report} writes its PDF. The PDF's text, read back
 * by PDFBox's own extractor, must hold the baselines and alarm times that {@code ./openionm analyze}
 * computes independently from the same file, alarm times that agree with the scenario's ground
 * truth, and every event-log entry. Then sign-off: a technologist is refused, the neurophysiologist
 * signs, an amendment keeps version 1, and a signed PDF changed in the database fails
 * {@code audit verify}.
 */
class ReportCommandIntegrationTest {

    /** Left-leg MEPs −95 % over 30 s from 200 s: the 80 % criterion is crossed at 225.3 s. */
    static final double MEP_CROSSES = 200 + 30 * 80.0 / 95;
    static final double TRAIN_INTERVAL = 15;
    static final double BASELINE_AT = 170;

    static final String SCENARIO = """
            name: spinal-cord-ischemia-short
            description: spinal-cord-ischemia.yaml shortened for a test (same sites and changes, earlier and faster)
            durationSeconds: 420
            mainsHz: 50
            stimulation:
              - site: median.left
                kind: averaged
                rateHz: 3.17
                offsetMs: 0
                intensity: 25
              - site: median.right
                kind: averaged
                rateHz: 3.17
                offsetMs: 52
                intensity: 25
              - site: tibial.left
                kind: averaged
                rateHz: 3.17
                offsetMs: 105
                intensity: 40
              - site: tibial.right
                kind: averaged
                rateHz: 3.17
                offsetMs: 210
                intensity: 40
              - site: tcmep.C3C4
                kind: train
                everySeconds: 15
                intensity: 350
              - site: tcmep.C4C3
                kind: train
                everySeconds: 15
                intensity: 350
            events:
              - at: 200
                type: mep-change
                muscles: [TA-L, AH-L]
                amplitudePercent: -95
                rampSeconds: 30
              - at: 200
                type: ssep-change
                site: tibial.left
                components: [N34, P37, N45]
                amplitudePercent: -80
                rampSeconds: 20
              - at: 300
                type: mep-change
                muscles: [TA-L, AH-L]
                amplitudePercent: 0
                rampSeconds: 60
              - at: 300
                type: ssep-change
                site: tibial.left
                components: [N34, P37, N45]
                amplitudePercent: 0
                rampSeconds: 60
            """;

    @TempDir
    Path data;

    UnaryOperator<String> environment;

    @BeforeEach
    void useTemporaryDataArea() {
        System.setProperty(DataArea.PROPERTY, data.toString());
        environment = CaseAccess.environment;
    }

    @AfterEach
    void restore() {
        System.clearProperty(DataArea.PROPERTY);
        CaseAccess.environment = environment;
    }

    void password(String password) {
        CaseAccess.environment = name -> name.equals("OPENIONM_PASSWORD") ? password : System.getenv(name);
    }

    @Test
    void aRecordedCaseIsReportedSignedAmendedAndATamperedSignatureIsFound() throws Exception {
        try (JdbcCaseDatabase db = JdbcCaseDatabase.open(DataArea.embedded(data))) {
            User admin = db.users().createFirstAdministrator("ada", "Ada Admin", "", "admin-pass-1".toCharArray());
            db.users().create("terry", "Terry Tech", "CNIM", EnumSet.of(Role.TECHNOLOGIST), "tech-pass-1".toCharArray(), admin);
            db.users().create("neil", "Dr. Neil Reader", "MD, DABNM", EnumSet.of(Role.NEUROPHYSIOLOGIST), "neuro-pass-1".toCharArray(),
                    admin);
        }
        Apps.Result created = Apps.run(CaseApplication::new, "new", "--patient", "Doe^Jane", "--mrn", "123456", "--procedure",
                "scoliosis correction", "--levels", "T4-L1", "--template", "spine", "--surgeon", "Dr. Sam Cutter, MD",
                "--anesthesiologist", "Dr. Ann Esthe, MD", "--technologist", "Terry Tech, CNIM", "--neurophysiologist",
                "Dr. Neil Reader, MD, DABNM");
        assertEquals(0, created.exit(), created.err());
        String id = created.out().trim();
        Path scenario = Files.writeString(data.resolve("ischemia.yaml"), SCENARIO);
        Apps.Result recorded = Apps.run(RecordApplication::new, "--case", id, "--scenario", scenario.toString(), "--duration", "420",
                "--rate", "5000", "--channels", "12", "--seed", "1");
        assertEquals(0, recorded.exit(), recorded.err());
        Path bdf = data.resolve("cases").resolve(id).resolve(id + "-001.bdf");

        List<CaseEvent> entered = new ArrayList<>();
        try (JdbcCaseDatabase db = JdbcCaseDatabase.open(DataArea.embedded(data))) {
            entered.add(db.events().append(event(id, EventType.BASELINE_CAPTURED, Map.of("modality", "ssep, mep"), "", BASELINE_AT)));
            entered.add(db.events().append(event(id, EventType.NOTE, Map.of(), "derotation manoeuvre", 195)));
            entered.add(db.events().append(event(id, EventType.SURGEON_INFORMED,
                    Map.of("informed", "Dr. Sam Cutter", "by", "Terry Tech", "response", "correction released"), "", 255)));
            entered.add(db.events().append(event(id, EventType.MAP, Map.of("mmHg", "90"), "MAP raised", 262)));
        }
        assertEquals(0, Apps.run(CaseApplication::new, "close", id).exit());

        Path draft = data.resolve("draft.pdf");
        Path fhirJson = data.resolve("draft.fhir.json");
        Apps.Result report = Apps.run(ReportApplication::new, id, "--pdf", draft.toString(), "--fhir", fhirJson.toString());
        assertEquals(0, report.exit(), report.err());
        // the FHIR bundle written in this OSGi runtime (HAPI's bundles resolved): the report with exactly the written PDF
        // (FhirReportExportTest parses bundles back and checks every value; here the text is enough)
        String fhirText = Files.readString(fhirJson);
        assertTrue(fhirText.contains("\"resourceType\" : \"DiagnosticReport\"") && fhirText.contains("\"status\" : \"preliminary\""), fhirText);
        assertTrue(fhirText.contains(java.util.Base64.getEncoder().encodeToString(Files.readAllBytes(draft))), "the PDF in the bundle");
        assertTrue(fhirText.contains("\"code\" : \"uV\""), "UCUM microvolts");
        assertTrue(Files.readString(fhirJson).contains("\"123456\""), "the MRN in the identified bundle");
        System.err.print(report.err()); // its timing line: docs/performance.md
        Files.createDirectories(Path.of("target"));
        Files.copy(draft, Path.of("target", "report-draft.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING); // for docs/images
        String text = text(Files.readAllBytes(draft));

        // the header from the case record
        for (String expected : List.of("Doe, Jane", "123456", "scoliosis correction T4-L1", "Dr. Sam Cutter, MD", "Dr. Ann Esthe, MD",
                "Terry Tech, CNIM", "Dr. Neil Reader, MD, DABNM", id + "-001.bdf", "DRAFT", "NOT FOR CLINICAL USE")) {
            assertTrue(text.contains(expected), "'" + expected + "' in\n" + text);
        }
        // the numbers, against analyze's JSON of the same file with the baseline where the event log put it
        Path json = data.resolve("analysis.json");
        Apps.Result analyzed = Apps.run(AnalyzeApplication::new, bdf.toString(), "--json", json.toString(), "--baseline-at",
                Double.toString(BASELINE_AT), "--set", "mep.alarm.preset=spinal");
        assertEquals(0, analyzed.exit(), analyzed.err());
        String analysis = Files.readString(json);
        double[] p37 = lastBefore(analysis, "ssep", "tibial.left", "CPz-Fpz", "P37", BASELINE_AT);
        assertTrue(Math.abs(p37[0] - 38.0) < 3, "P37 latency near the simulator's 38 ms: " + p37[0]);
        assertTrue(text.contains(String.format(Locale.ROOT, "%.2f ms", p37[0])), "P37 baseline latency " + p37[0] + " in\n" + text);
        assertTrue(text.contains(String.format(Locale.ROOT, "%.2f µV", p37[1])), "P37 baseline amplitude " + p37[1]);
        List<Double> raised = raised(analysis);
        assertFalse(raised.isEmpty(), "the ischaemia raises alarms: " + analysis.substring(analysis.indexOf("\"alarms\"")));
        for (double t : raised) {
            assertTrue(text.contains(ReportDrafts.time(t)), "alarm at " + t + " s (" + ReportDrafts.time(t) + ") in the timeline");
        }
        double firstMep = firstRaised(analysis, "mep", "TA-L");
        // a TcMEP criterion is confirmed by the immediate repeat train (issue 17); in a file that is the
        // next recorded train, so the alarm comes at most two trains after the crossing
        assertTrue(firstMep >= MEP_CROSSES && firstMep <= MEP_CROSSES + 2 * TRAIN_INTERVAL + 1,
                "TA-L alarm at " + firstMep + " s, criterion crossed at " + MEP_CROSSES + " s");
        assertTrue(text.contains("informed=Dr. Sam Cutter, by=Terry Tech, response=correction released"), "who was informed:\n" + text);
        // the complete event log: the entries made here and the monitoring entries the recording made
        for (CaseEvent e : entered) {
            String details = e.annotationText().substring(("EVENT " + e.type().label()).length()).replaceFirst("^[: ]+", "");
            assertTrue(text.contains(ReportDrafts.time(e.caseTimeSeconds()) ), "time of " + e);
            assertTrue(text.contains(details.length() > 40 ? details.substring(0, 40) : details), "'" + details + "' in\n" + text);
        }

        // sign-off: a technologist is refused; the neurophysiologist signs with user id and password
        password("tech-pass-1");
        Apps.Result refused = Apps.run(ReportApplication::new, id, "--pdf", data.resolve("x.pdf").toString(), "--sign", "--user", "terry");
        assertEquals(1, refused.exit());
        assertTrue(refused.err().contains("only a neurophysiologist signs reports"), refused.err());
        password("neuro-pass-1");
        Path signed = data.resolve("signed.pdf");
        Apps.Result sign = Apps.run(ReportApplication::new, id, "--pdf", signed.toString(), "--sign", "--user", "neil");
        assertEquals(0, sign.exit(), sign.err());
        assertTrue(sign.out().startsWith("signed version 1 of the report of case " + id + " by Dr. Neil Reader, MD, DABNM"), sign.out());
        String signedText = text(Files.readAllBytes(signed));
        for (String expected : List.of("Signed by", "Dr. Neil Reader, MD, DABNM", "interpreted and approved")) {
            assertTrue(signedText.contains(expected), expected);
        }
        assertFalse(signedText.contains("DRAFT"));
        Apps.Result again = Apps.run(ReportApplication::new, id, "--pdf", data.resolve("y.pdf").toString(), "--sign", "--user", "neil");
        assertEquals(1, again.exit(), "a signed report is locked");
        assertTrue(again.err().contains("a change is an amendment and needs a reason"), again.err());

        Path conclusion = Files.writeString(data.resolve("conclusion.txt"), "Transient loss of left-leg MEPs, recovered.");
        Path amended = data.resolve("amended.pdf");
        Apps.Result amend = Apps.run(ReportApplication::new, id, "--pdf", amended.toString(), "--amend", "--reason",
                "conclusion reworded", "--conclusion", conclusion.toString(), "--user", "neil");
        assertEquals(0, amend.exit(), amend.err());
        String amendedText = text(Files.readAllBytes(amended));
        for (String expected : List.of("AMENDMENT: version 2", "conclusion reworded", "Transient loss of left-leg MEPs, recovered.",
                "Earlier version")) {
            assertTrue(amendedText.contains(expected), expected + " in\n" + amendedText);
        }
        try (JdbcCaseDatabase db = JdbcCaseDatabase.open(DataArea.embedded(data))) {
            assertEquals(2, db.reports().versions(id).size());
            assertArrayEquals(Files.readAllBytes(signed), db.reports().pdf(id, 1), "version 1 is kept as signed");
        }
        Apps.Result verified = Apps.run(AuditApplication::new, "verify", id);
        assertEquals(0, verified.exit(), verified.out());

        // a signed PDF changed in the database afterwards
        try (JdbcCaseDatabase db = JdbcCaseDatabase.open(DataArea.embedded(data));
                Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("update ionm_report_version set pdf = ? where case_id = ? and version = 1")) {
            byte[] forged = Files.readAllBytes(signed);
            forged[forged.length / 2] ^= 1;
            ps.setBytes(1, forged);
            ps.setString(2, id);
            assertEquals(1, ps.executeUpdate());
        }
        Apps.Result tampered = Apps.run(AuditApplication::new, "verify", id);
        assertEquals(1, tampered.exit(), tampered.out());
        assertTrue(tampered.out().contains("signed report BROKEN: signed report of case " + id + " version 1"), tampered.out());
    }

    static CaseEvent event(String caseId, EventType type, Map<String, String> fields, String text, double at) {
        return new CaseEvent(0, caseId, type, fields, text, at, Instant.now(), "terry");
    }

    static String text(byte[] pdf) throws IOException {
        try (PDDocument d = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(d);
        }
    }

    private static final String NUMBER = "(-?[0-9.]+(?:[eE][-+]?[0-9]+)?|null)";

    /** Latency and amplitude of the last measurement of a series at or before {@code t} in analyze's JSON. */
    static double[] lastBefore(String json, String modality, String site, String channel, String component, double t) {
        Matcher m = Pattern.compile("\\{\"timeSeconds\":" + NUMBER + ",\"modality\":\"" + modality + "\",\"site\":\"" + Pattern.quote(site)
                + "\",\"channel\":\"" + Pattern.quote(channel) + "\",\"component\":\"" + component + "\",\"latencyMs\":" + NUMBER
                + ",\"amplitudeUv\":" + NUMBER).matcher(json);
        double[] found = null;
        while (m.find()) {
            if (Double.parseDouble(m.group(1)) <= t && !m.group(2).equals("null")) {
                found = new double[] { Double.parseDouble(m.group(2)), Double.parseDouble(m.group(3)) };
            }
        }
        assertTrue(found != null, "no " + site + " " + channel + " " + component + " before " + t + " s");
        return found;
    }

    /**
     * Times an alarm began in analyze's JSON: RAISED, or RECURRED when the test runtime's alarm manager
     * still lists the same alarm, latched, from the report command's run of the same file.
     */
    static List<Double> raised(String json) {
        Matcher m = Pattern.compile("\\{\"event\":\"(?:RAISED|RECURRED)\",\"timeSeconds\":" + NUMBER + ",\"modality\":\"(ssep|mep)\"").matcher(json);
        List<Double> out = new ArrayList<>();
        while (m.find()) {
            out.add(Double.parseDouble(m.group(1)));
        }
        return out;
    }

    static double firstRaised(String json, String modality, String channel) {
        Matcher m = Pattern.compile("\\{\"event\":\"(?:RAISED|RECURRED)\",\"timeSeconds\":" + NUMBER + ",\"modality\":\"" + modality
                + "\",\"site\":\"[^\"]*\",\"channel\":\"" + channel + "\"").matcher(json);
        assertTrue(m.find(), "a " + modality + " " + channel + " alarm");
        return Double.parseDouble(m.group(1));
    }
}
