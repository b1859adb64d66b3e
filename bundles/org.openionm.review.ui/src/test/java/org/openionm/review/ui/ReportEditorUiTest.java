package org.openionm.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.CaseDatabase;
import org.openionm.cases.CaseDatabases;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseState;
import org.openionm.cases.DataArea;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.Patient;
import org.openionm.cases.Procedure;
import org.openionm.cases.ProtocolTemplate;
import org.openionm.cases.Role;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.SignedReport;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;
import org.openionm.cases.User;
import org.openionm.report.PdfReportWriter;
import org.openionm.report.ReportContent;
import org.openionm.report.ReportDrafts;
import org.openionm.report.ReportEditing;
import org.openionm.ui.widgets.trace.CanvasSnapshot;

/**
 * The report editor against a real H2 case database and the real sign-off of the case store: it opens
 * with the draft's text; a technologist cannot sign (button disabled, the reason shown, the dialog never
 * asked); a neurophysiologist with a wrong password is refused, with the right one signs, the texts lock
 * and the signature (printed name, time, meaning) is shown; Amend and a signature with a reason make
 * version 2 while version 1 stays listed; text typed and not saved is kept when the editor closes.
 * Writes target/screenshots/report-editor.png.
 */
class ReportEditorUiTest {

    static final Instant SIGNED = Instant.parse("2026-12-05T09:30:00Z");

    @TempDir
    Path dir;

    CaseDatabase db;
    Shell shell;
    String caseId;
    ReportContent draft;
    final AtomicReference<User> who = new AtomicReference<>();
    final List<Boolean> asked = new ArrayList<>();

    @BeforeEach
    void open() {
        db = CaseDatabases.open(DataArea.embedded(dir));
        User admin = db.users().createFirstAdministrator("ada", "Ada Admin", "", "admin-pass-1".toCharArray());
        db.users().create("terry", "Terry Tech", "CNIM", EnumSet.of(Role.TECHNOLOGIST), "tech-pass-1".toCharArray(), admin);
        db.users().create("neil", "Dr. Neil Reader", "MD, DABNM", EnumSet.of(Role.NEUROPHYSIOLOGIST), "neuro-pass-1".toCharArray(), admin);
        MonitoringCase c = db.cases().create(jane(), false, admin);
        caseId = c.id();
        db.cases().moveTo(caseId, CaseState.IN_PROGRESS, admin);
        db.cases().moveTo(caseId, CaseState.CLOSED, admin);
        draft = ReportDrafts.draft(db.cases().find(caseId).orElseThrow(), List.of(), db.events().events(caseId), List.of(), ZoneOffset.UTC);
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
    }

    @AfterEach
    void close() {
        if (shell != null && !shell.isDisposed()) {
            shell.dispose();
        }
        if (db != null) {
            db.close();
        }
    }

    static CaseDetails jane() {
        ProtocolTemplate spine = new ProtocolTemplate("spine", "Spine", List.of("posterior spinal fusion"), List.of("ssep", "mep"),
                List.of("median.left", "tcmep.C3C4"), List.of("CP3-Fpz", "APB-L"), Map.of(), "built-in");
        return new CaseDetails(new Patient("Doe^Jane", "ABC123", LocalDate.of(1961, 3, 14), Sex.FEMALE),
                new Procedure("posterior spinal fusion", "revision, 2 levels", "T10–L2", Side.BILATERAL),
                Instant.parse("2026-12-05T07:45:00Z"),
                List.of(new TeamMember(TeamRole.SURGEON, "Dr. Sam Cutter", "MD"),
                        new TeamMember(TeamRole.TECHNOLOGIST, "Terry Tech", "CNIM"),
                        new TeamMember(TeamRole.NEUROPHYSIOLOGIST, "Dr. Neil Reader", "MD, DABNM")),
                spine);
    }

    ReportEditor editor(String password, String reason) {
        ReportEditing editing = new ReportEditing(draft, db.area().caseFolder(caseId), db.reports(), db.audit(), PdfReportWriter::write);
        ReportEditor e = new ReportEditor(shell, editing, () -> Optional.ofNullable(who.get()), Clock.fixed(SIGNED, ZoneOffset.UTC),
                ZoneId.of("UTC"), amendment -> {
                    asked.add(amendment);
                    SignDialog d = new SignDialog(shell, caseId, who.get().username(), amendment);
                    return d.fillAndSign(who.get().username(), password, reason);
                });
        shell.setSize(900, 700);
        shell.layout(true, true);
        shell.open();
        return e;
    }

    User user(String name) {
        return db.users().find(name).orElseThrow();
    }

    @Test
    void theEditorOpensWithTheDraftAndATechnologistCannotSign() {
        who.set(user("terry"));
        ReportEditor e = editor("tech-pass-1", null);
        assertFalse(draft.interpretation().isBlank(), "the draft pre-fills the interpretation");
        assertEquals(draft.interpretation(), e.interpretationText().getText());
        assertEquals(draft.conclusion(), e.conclusionText().getText());
        assertTrue(e.titleText().contains("draft, not signed"), e.titleText());

        assertFalse(e.signButton().isEnabled(), "Sign is not offered to a technologist");
        assertTrue(e.messageText().startsWith("Only a neurophysiologist signs a report: Terry Tech, CNIM is a technologist"),
                e.messageText());
        assertNull(e.sign(), "refused even when called");
        assertEquals(List.of(), asked, "the signature dialog was never shown");
        assertEquals(List.of(), db.reports().versions(caseId));
        assertTrue(e.interpretationText().getEditable());
    }

    @Test
    void aNeurophysiologistSignsWithThePasswordTheEditorLocksAndAnAmendmentIsVersionTwo() throws Exception {
        who.set(user("neil"));
        ReportEditor wrong = editor("not-my-password", null);
        wrong.interpretationText().setText("SSEP and TcMEP stable throughout; no significant change.");
        assertNull(wrong.sign());
        assertTrue(wrong.messageText().startsWith("Not signed: "), wrong.messageText());
        assertTrue(wrong.interpretationText().getEditable(), "still a draft after a wrong password");
        assertEquals(List.of(), db.reports().versions(caseId));
        wrong.dispose();

        ReportEditor e = editor("neuro-pass-1", null);
        assertEquals("SSEP and TcMEP stable throughout; no significant change.", e.interpretationText().getText(),
                "the text typed before the failed signature was kept when that editor closed");
        SignedReport v1 = e.sign();
        assertNotNull(v1, e.messageText());
        assertEquals(1, v1.version());
        assertEquals(List.of(false), asked.subList(asked.size() - 1, asked.size()));
        assertFalse(e.interpretationText().getEditable(), "signed: locked");
        assertFalse(e.conclusionText().getEditable());
        assertFalse(e.signButton().isEnabled());
        assertEquals("Version 1: signed by Dr. Neil Reader, MD, DABNM on 2026-12-05 09:30:00 +00:00 — interpreted and approved",
                e.signatureText());
        assertTrue(e.titleText().contains("signed, locked"), e.titleText());
        List<AuditEntry> signedEntries = db.audit().entries(caseId).stream().filter(a -> a.action().equals("report.signed")).toList();
        assertEquals(1, signedEntries.size());
        assertTrue(signedEntries.get(0).detail().contains("sha256=" + v1.sha256()), signedEntries.get(0).detail());
        Path out = dir.resolve("signed.pdf");
        e.writePdf(out);
        assertTrue(java.util.Arrays.equals(db.reports().pdf(caseId, 1), Files.readAllBytes(out)), "the stored signed bytes are written");

        assertTrue(e.amendButton().isEnabled());
        e.amend();
        assertTrue(e.interpretationText().getEditable(), "Amend unlocks the text");
        e.interpretationText().setText("SSEP stable; TcMEP APB-L fell 80 % at 01:02:10 and recovered after MAP was raised.");
        ReportEditor amending = e;
        // the same editor signs the amendment; the dialog asks for the reason this time
        ReportEditorUiTest self = this;
        shell.dispose();
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        assertTrue(amending.isDisposed());
        // closing kept the amended text; a new editor reopens it as the amendment in work
        ReportEditor again = self.editor("neuro-pass-1", "TcMEP change omitted from version 1");
        assertTrue(again.interpretationText().getText().startsWith("SSEP stable; TcMEP APB-L fell 80 %"), again.interpretationText().getText());
        assertTrue(again.interpretationText().getEditable(), "reopened amending");
        assertTrue(again.titleText().contains("amending version 1"), again.titleText());
        SignedReport v2 = again.sign();
        assertNotNull(v2, again.messageText());
        assertEquals(2, v2.version());
        assertEquals("TcMEP change omitted from version 1", v2.amendmentReason());
        assertEquals(Boolean.TRUE, asked.get(asked.size() - 1), "the dialog was asked for an amendment (with the reason field)");
        String[] lines = again.versionLines();
        assertEquals(2, lines.length);
        assertTrue(lines[0].startsWith("Version 1: signed by Dr. Neil Reader, MD, DABNM"), lines[0]);
        assertTrue(lines[1].contains("amendment: TcMEP change omitted from version 1"), lines[1]);
        assertFalse(again.interpretationText().getEditable(), "locked again after the amendment is signed");
        assertEquals(2, db.reports().versions(caseId).size());
        assertEquals(List.of(), db.reports().verify(caseId), "both signed PDFs match their audit entries");

        while (Display.getDefault().readAndDispatch()) {
            // let the layout settle before the screenshot
        }
        Path shots = Path.of(System.getProperty("user.dir")).resolve("target/screenshots");
        Files.createDirectories(shots);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {CanvasSnapshot.capture(shell)};
        loader.save(shots.resolve("report-editor.png").toString(), SWT.IMAGE_PNG);
    }

    @Test
    void theSignDialogNeedsBothComponentsAndForAnAmendmentAReason() {
        who.set(user("neil"));
        SignDialog d = new SignDialog(shell, caseId, "neil", true);
        assertNull(d.fillAndSign("neil", "neuro-pass-1", ""), "no reason: the sign button stays disabled");
        assertNull(new SignDialog(shell, caseId, "neil", false).fillAndSign("neil", "", null), "no password: disabled");
        SignDialog.Answer a = new SignDialog(shell, caseId, "neil", true).fillAndSign("neil", "neuro-pass-1", "wrong side");
        assertEquals("neil", a.username());
        assertEquals("neuro-pass-1", new String(a.password()));
        assertEquals("wrong side", a.reason());
        d.shell().dispose();
    }
}
