package org.openionm.cases;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.internal.JdbcCaseDatabase;
import org.openionm.cases.internal.JdbcReportArchive;

/**
 * Sign-off against a real database ({@link H2ReportArchiveTest}, {@link PostgresReportArchiveTest}):
 * who may sign, what a signature records, that a signed report is locked and amended only as a new
 * version, and that a PDF changed in the database afterwards is found.
 */
abstract class ReportArchiveContract {

    static final Instant T = Instant.parse("2026-12-04T18:00:00.123456Z");

    @TempDir
    Path dir;

    JdbcCaseDatabase db;
    ReportArchive reports;
    String caseId;
    final List<ReportArchive.Signing> rendered = new ArrayList<>();

    abstract DataArea newArea(Path root) throws Exception;

    @BeforeEach
    void open() throws Exception {
        db = JdbcCaseDatabase.open(newArea(dir));
        UserDirectory users = db.users();
        User admin = users.createFirstAdministrator("ada", "Ada Admin", "", "admin-pass-1".toCharArray());
        users.create("terry", "Terry Tech", "CNIM", EnumSet.of(Role.TECHNOLOGIST), "tech-pass-1".toCharArray(), admin);
        users.create("neil", "Dr. Neil Reader", "MD, DABNM", EnumSet.of(Role.NEUROPHYSIOLOGIST), "neuro-pass-1".toCharArray(), admin);
        MonitoringCase c = db.cases().create(CaseStoreContract.jane(), false, admin);
        caseId = c.id();
        reports = db.reports();
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    /** A stand-in "PDF" that prints what the report would print of its signature. */
    byte[] render(ReportArchive.Signing s) {
        rendered.add(s);
        return ("%PDF report v" + s.version() + " signed by " + s.signature().printedName() + " at " + s.signature().signedAt()
                + " meaning " + s.signature().meaning() + " reason " + s.amendmentReason()).getBytes(StandardCharsets.UTF_8);
    }

    void close(String id) {
        User admin = db.users().find("ada").orElseThrow();
        db.cases().moveTo(id, CaseState.IN_PROGRESS, admin);
        db.cases().moveTo(id, CaseState.CLOSED, admin);
    }

    @Test
    void aTechnologistCannotSignAndAWrongPasswordIsRefused() {
        close(caseId);
        IllegalStateException tech = assertThrows(IllegalStateException.class,
                () -> reports.sign(caseId, "terry", "tech-pass-1".toCharArray(), null, this::render, T));
        assertTrue(tech.getMessage().contains("only a neurophysiologist signs"), tech.getMessage());
        IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class,
                () -> reports.sign(caseId, "neil", "not-his-password".toCharArray(), null, this::render, T));
        assertEquals("wrong user name or password", wrong.getMessage());
        assertEquals(List.of(), rendered, "nothing was rendered for a refused signature");
        assertEquals(List.of(), reports.versions(caseId));
        assertEquals(CaseState.CLOSED, db.cases().find(caseId).orElseThrow().state());
        List<String> refusals = db.audit().entries(caseId).stream()
                .filter(e -> e.action().equals(AuditActions.REPORT_SIGN_REFUSED)).map(e -> e.actor() + ": " + e.detail()).toList();
        assertEquals(2, refusals.size(), refusals.toString());
        assertTrue(refusals.get(0).startsWith("terry: only a neurophysiologist"), refusals.toString());
        assertEquals("neil: wrong password", refusals.get(1));
    }

    @Test
    void anOpenCaseIsNotSigned() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> reports.sign(caseId, "neil", "neuro-pass-1".toCharArray(), null, this::render, T));
        assertTrue(e.getMessage().contains("close it before the report is signed"), e.getMessage());
    }

    @Test
    void aSignatureRecordsNameTimeAndMeaningLocksTheCaseAndAuditsTheHash() {
        close(caseId);
        SignedReport v1 = reports.sign(caseId, "Neil", "neuro-pass-1".toCharArray(), null, this::render, T);

        assertEquals(1, v1.version());
        assertEquals(new ReportSignature("neil", "Dr. Neil Reader, MD, DABNM", T, "interpreted and approved"), v1.signature());
        assertEquals(v1.signature(), rendered.getFirst().signature(), "the PDF was rendered with the signature it is stored with");
        byte[] pdf = reports.pdf(caseId, 1);
        assertArrayEquals(render(rendered.getFirst()), pdf);
        assertEquals(JdbcReportArchive.sha256(pdf), v1.sha256());
        assertEquals(CaseState.SIGNED, db.cases().find(caseId).orElseThrow().state());
        AuditEntry signed = db.audit().entries(caseId).stream().filter(e -> e.action().equals(AuditActions.REPORT_SIGNED))
                .findFirst().orElseThrow();
        assertEquals("neil", signed.actor());
        assertTrue(signed.detail().startsWith("version=1 sha256=" + v1.sha256() + " bytes=" + pdf.length), signed.detail());
        assertTrue(db.audit().verify(caseId).intact());
        assertEquals(List.of(), reports.verify(caseId));

        // locked: signing again without a reason is refused, and the case takes no edits
        IllegalStateException again = assertThrows(IllegalStateException.class,
                () -> reports.sign(caseId, "neil", "neuro-pass-1".toCharArray(), "", this::render, T));
        assertTrue(again.getMessage().contains("needs a reason"), again.getMessage());
        assertThrows(IllegalStateException.class,
                () -> db.cases().update(caseId, CaseStoreContract.jane(), db.users().find("ada").orElseThrow()));
    }

    @Test
    void anAmendmentIsANewVersionWithItsReasonAndTheOldOneIsKept() {
        close(caseId);
        SignedReport v1 = reports.sign(caseId, "neil", "neuro-pass-1".toCharArray(), null, this::render, T);
        byte[] first = reports.pdf(caseId, 1);
        SignedReport v2 = reports.sign(caseId, "neil", "neuro-pass-1".toCharArray(), "conclusion corrected: right leg MEP",
                this::render, T.plusSeconds(3600));

        assertEquals(2, v2.version());
        assertTrue(v2.amendment());
        assertEquals("conclusion corrected: right leg MEP", v2.amendmentReason());
        assertEquals(List.of(v1), rendered.get(1).previous(), "the amendment is told the versions before it, to list them");
        assertEquals(List.of(1, 2), reports.versions(caseId).stream().map(SignedReport::version).toList());
        assertArrayEquals(first, reports.pdf(caseId, 1), "version 1 is kept unchanged");
        assertTrue(new String(reports.pdf(caseId, 2), StandardCharsets.UTF_8).contains("reason conclusion corrected"));
        AuditEntry amended = db.audit().entries(caseId).stream().filter(e -> e.action().equals(AuditActions.REPORT_AMENDED))
                .findFirst().orElseThrow();
        assertTrue(amended.detail().startsWith("version=2 sha256=" + v2.sha256()), amended.detail());
        assertTrue(amended.detail().endsWith("reason=conclusion corrected: right leg MEP"), amended.detail());
        assertEquals(List.of(), reports.verify(null));
    }

    @Test
    void aSignedPdfChangedInTheDatabaseIsFound() throws Exception {
        close(caseId);
        reports.sign(caseId, "neil", "neuro-pass-1".toCharArray(), null, this::render, T);
        byte[] forged = "%PDF report v1 signed by someone else".getBytes(StandardCharsets.UTF_8);
        try (Connection c = db.dataSource().getConnection();
                PreparedStatement ps = c.prepareStatement("update ionm_report_version set pdf = ?, sha256 = ? where case_id = ?")) {
            ps.setBytes(1, forged);
            ps.setString(2, JdbcReportArchive.sha256(forged)); // a careful forger fixes the hash column too
            ps.setString(3, caseId);
            assertEquals(1, ps.executeUpdate());
        }
        List<String> problems = reports.verify(caseId);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.getFirst().startsWith("signed report of case " + caseId + " version 1: its PDF (SHA-256 "
                + JdbcReportArchive.sha256(forged) + ") is not the one signed"), problems.getFirst());
        assertTrue(db.audit().verify(caseId).intact(), "the chain itself is intact: only the report was changed");
    }
}
