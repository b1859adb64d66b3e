package org.openionm.cli.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.AuditActions;
import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseDatabases;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventType;
import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfReader;

/**
 * {@code case}, {@code record} and {@code audit} inside OSGi with the real simulator and the embedded
 * database in a temporary data area: what a user types, what they get back, what lands on disk.
 */
class CaseCommandsIntegrationTest {

    @TempDir
    Path data;

    @BeforeEach
    void useTemporaryDataArea() {
        System.setProperty(DataArea.PROPERTY, data.toString());
    }

    @AfterEach
    void restore() {
        System.clearProperty(DataArea.PROPERTY);
    }

    @Test
    void aCaseIsCreatedRecordedShownVerifiedAndClosed() throws Exception {
        Apps.Result created = Apps.run(CaseApplication::new, "new", "--patient", "Doe^Jane", "--mrn", "123456", "--procedure",
                "posterior spinal fusion", "--levels", "T10-L2", "--birth-date", "1970-05-01", "--sex", "f",
                "--surgeon", "Dr. Alex Smith, MD");
        assertEquals(0, created.exit(), created.err());
        String id = created.out().trim();
        assertTrue(id.matches("[A-Za-z0-9-]+"), "prints the new case id alone: '" + id + "'");

        Apps.Result list = Apps.run(CaseApplication::new, "list", "--query", "doe");
        assertEquals(0, list.exit(), list.err());
        assertTrue(list.out().contains(id) && list.out().contains("J.D.") && list.out().contains("123456"), list.out());

        Apps.Result recorded = Apps.run(RecordApplication::new, "--case", id, "--scenario", "stable-baseline", "--duration", "3",
                "--rate", "2000", "--channels", "8", "--seed", "5");
        assertEquals(0, recorded.exit(), recorded.err());
        Path segment = data.resolve("cases").resolve(id).resolve(id + "-001.bdf");
        assertTrue(Files.isRegularFile(segment), recorded.err());
        try (EdfReader r = EdfReader.open(segment)) {
            assertTrue(r.sampleCount(0) >= 6000, "at least the 3 s asked at 2 kHz: " + r.sampleCount(0));
            assertTrue(r.header().patient().startsWith("123456 F 01-MAY-1970 Doe_Jane"), r.header().patient());
            assertTrue(r.annotations().stream().map(EdfAnnotation::text).anyMatch(t -> t.startsWith("STIM ")),
                    "stimuli are recorded");
        }

        Apps.Result show = Apps.run(CaseApplication::new, "show", id);
        assertEquals(0, show.exit(), show.err());
        for (String expected : List.of("Doe^Jane", "MRN 123456", "posterior spinal fusion T10-L2", "in progress",
                "Surgeon: Dr. Alex Smith, MD", segment.getFileName().toString())) {
            assertTrue(show.out().contains(expected), expected + " in\n" + show.out());
        }

        Apps.Result verify = Apps.run(AuditApplication::new, "verify", id);
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().startsWith("audit trail intact"), verify.out());

        Apps.Result closed = Apps.run(CaseApplication::new, "close", id);
        assertEquals(0, closed.exit(), closed.err());
        Apps.Result again = Apps.run(RecordApplication::new, "--case", id, "--scenario", "stable-baseline", "--duration", "1");
        assertEquals(1, again.exit(), "a closed case is not monitored again");
        assertTrue(again.err().contains("closed"), again.err());
    }

    @Test
    void aDeidentifiedExportHoldsNothingThatNamesThePatientAndIsAudited() throws Exception {
        Apps.Result created = Apps.run(CaseApplication::new, "new", "--patient", "Doe^Jane", "--mrn", "123456", "--procedure",
                "posterior spinal fusion", "--birth-date", "1970-05-01", "--sex", "f", "--surgeon", "Dr. Alex Smith, MD");
        assertEquals(0, created.exit(), created.err());
        String id = created.out().trim();
        assertEquals(0, Apps.run(RecordApplication::new, "--case", id, "--scenario", "stable-baseline", "--duration", "2",
                "--rate", "2000", "--channels", "8").exit());
        try (CaseDatabase db = CaseDatabases.open(DataArea.resolve(data.toString(), java.util.Map.of()))) {
            db.events().append(new CaseEvent(0, id, EventType.NOTE, java.util.Map.of(), "Jane Doe (MRN 123456) moved, told"
                    + " Dr. Smith", 1.5, java.time.Instant.now(), "tech"));
        }
        Path out = data.resolve("export");
        Apps.Result export = Apps.run(ExportApplication::new, id, "--deidentify", "--out", out.toString());
        assertEquals(0, export.exit(), export.err());
        assertTrue(Files.isRegularFile(out.resolve("recording-001.bdf")), export.err());

        LocalDate today = LocalDate.now();
        List<String> identifiers = List.of("doe", "jane", "123456", "1970", "smith", id.toLowerCase(java.util.Locale.ROOT),
                today.toString(), String.format(java.util.Locale.ROOT, "%02d.%02d.%02d", today.getDayOfMonth(),
                        today.getMonthValue(), today.getYear() % 100),
                today.format(java.time.format.DateTimeFormatter.ofPattern("dd-MMM-yyyy", java.util.Locale.ENGLISH))
                        .toLowerCase(java.util.Locale.ROOT));
        try (var files = Files.list(out)) {
            for (Path file : files.toList()) {
                String bytes = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1)
                        .toLowerCase(java.util.Locale.ROOT);
                for (String identifier : identifiers) {
                    assertTrue(!bytes.contains(identifier), "'" + identifier + "' is in " + file.getFileName());
                }
            }
        }
        assertTrue(Files.readString(out.resolve("events.json")).contains("X X (MRN X) moved, told Dr. X"),
                Files.readString(out.resolve("events.json")));
        // the report: its text as a reader extracts it (the raw bytes above are mostly compressed streams)
        String report;
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(out.resolve("report.pdf").toFile())) {
            report = new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        }
        String lower = report.toLowerCase(java.util.Locale.ROOT);
        for (String identifier : identifiers) {
            assertTrue(!lower.contains(identifier), "'" + identifier + "' is in the report's text:\n" + report);
        }
        assertTrue(report.contains("de-identified case") && report.contains("posterior spinal fusion") && report.contains("moved"),
                "the de-identified report keeps the procedure and the scrubbed log entry:\n" + report);
        try (CaseDatabase db = CaseDatabases.open(DataArea.resolve(data.toString(), java.util.Map.of()))) {
            assertTrue(db.audit().entries(id).stream().anyMatch(e -> e.action().equals(AuditActions.EXPORTED)
                    && e.detail().contains("1 recordings") && e.detail().contains(out.toString())), "the export is audited");
        }
        assertEquals(0, Apps.run(AuditApplication::new, "verify", id).exit());
    }

    @Test
    void wrongInputExitsTwoAndNamesWhatIsWrong() throws Exception {
        Apps.Result badMrn = Apps.run(CaseApplication::new, "new", "--patient", "Doe^Jane", "--mrn", "12 3", "--procedure",
                "posterior spinal fusion");
        assertEquals(2, badMrn.exit());
        assertTrue(badMrn.err().contains("MRN"), badMrn.err());

        String tomorrow = LocalDate.now().plusDays(1).toString();
        Apps.Result future = Apps.run(CaseApplication::new, "new", "--patient", "Doe^Jane", "--mrn", "123456", "--procedure",
                "posterior spinal fusion", "--birth-date", tomorrow);
        assertEquals(2, future.exit());
        assertTrue(future.err().contains(tomorrow), future.err());

        assertEquals(2, Apps.run(CaseApplication::new, "open").exit());
        assertEquals(2, Apps.run(CaseApplication::new, "new", "--patient", "Doe^Jane").exit(), "missing --mrn");
        assertEquals(2, Apps.run(RecordApplication::new, "--scenario", "stable-baseline", "--duration", "1").exit(), "missing --case");
        assertEquals(2, Apps.run(AuditApplication::new, "check").exit());
        Apps.Result unknown = Apps.run(CaseApplication::new, "show", "no-such-case");
        assertEquals(1, unknown.exit());
        assertTrue(unknown.err().contains("no case 'no-such-case'"), unknown.err());
    }
}
