package org.openionm.cases.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseState;
import org.openionm.cases.Patient;
import org.openionm.cases.Procedure;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;

/** The Cases part against the in-memory test double of the case service. */
class CasesPartUiTest {

    private final TestCaseWorkbench service = new TestCaseWorkbench();
    private final List<String> questions = new ArrayList<>();
    private boolean answer = true;
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private CasesPart open() {
        service.session.loginDemo(Instant.now());
        shell = Ui.shell(1100, 900);
        CasesPart part = new CasesPart();
        part.workbench = service;
        part.confirm = q -> {
            questions.add(q);
            return answer;
        };
        part.create(shell);
        shell.open();
        return part;
    }

    private static void fillValid(NewCaseForm f) {
        Ui.type(f.family, "Doe");
        Ui.type(f.given, "Jane");
        Ui.type(f.mrn, "123456");
        Ui.type(f.birthDate, "1961-03-14");
        Ui.choose(f.sex, "female");
        Ui.choose(f.procedureType, "posterior spinal fusion");
        Ui.type(f.levels, "T10–L2");
        Ui.choose(f.side, "midline");
        Ui.type(f.description, "revision, hardware removal");
        Ui.type(f.scheduled, "2026-12-07 08:30");
        Ui.type(f.teamNames.get(TeamRole.SURGEON), "Dr. Adam Smith");
        Ui.type(f.teamCredentials.get(TeamRole.SURGEON), "MD");
        Ui.type(f.teamNames.get(TeamRole.TECHNOLOGIST), "Jane Roe");
        Ui.type(f.teamCredentials.get(TeamRole.TECHNOLOGIST), "CNIM");
        Ui.type(f.teamNames.get(TeamRole.NEUROPHYSIOLOGIST), "Dr. Ruth Lee");
        Ui.type(f.teamCredentials.get(TeamRole.NEUROPHYSIOLOGIST), "MD, DABNM");
    }

    @Test
    void problemsAreShownUnderTheFieldTheyNameAndCreateIsEnabledOnlyWhenThereIsNone() {
        NewCaseForm f = open().form();
        assertFalse(f.createButton().isEnabled(), "an empty form cannot be created");
        assertEquals("", f.problemShown(FormField.MRN), "nothing is shown under fields not touched yet");
        assertEquals("", f.problemShown(FormField.SEX));

        fillValid(f);
        assertTrue(f.problems().isEmpty(), f.problems().toString());
        assertTrue(f.createButton().isEnabled());
        assertEquals("Ready.", f.summaryText());

        Ui.type(f.mrn, "12 3");
        assertEquals("MRN must be 4–20 letters or digits, was '12 3'", f.problemShown(FormField.MRN));
        assertFalse(f.createButton().isEnabled());
        assertEquals("1 field to complete or correct", f.summaryText());

        Ui.type(f.birthDate, "2099-01-01");
        assertEquals("birth date 2099-01-01 is in the future", f.problemShown(FormField.BIRTH_DATE));
        assertEquals("MRN must be 4–20 letters or digits, was '12 3'", f.problemShown(FormField.MRN));
        Ui.type(f.birthDate, "14/03/1961");
        assertEquals("birth date must be YYYY-MM-DD, was '14/03/1961'", f.problemShown(FormField.BIRTH_DATE),
                "what cannot be parsed is the form's own message");

        Ui.type(f.birthDate, "1961-03-14");
        Ui.type(f.mrn, "A123456");
        assertEquals("", f.problemShown(FormField.MRN));
        assertEquals("", f.problemShown(FormField.BIRTH_DATE));
        assertTrue(f.createButton().isEnabled());

        Ui.type(f.teamNames.get(TeamRole.SURGEON), "");
        assertEquals("surgeon: credentials 'MD' without a name", f.problemShown(FormField.SURGEON));
        assertFalse(f.createButton().isEnabled());
        Ui.type(f.teamCredentials.get(TeamRole.SURGEON), "");
        assertTrue(f.createButton().isEnabled(), "the team is optional");

        Ui.type(f.family, "");
        assertEquals("patient family name must not be empty", f.problemShown(FormField.FAMILY));
        assertFalse(f.createButton().isEnabled());
    }

    @Test
    void templatesFollowTheProcedureType() {
        NewCaseForm f = open().form();
        Ui.choose(f.procedureType, "carotid endarterectomy");
        assertEquals(List.of("Carotid: SSEP + EEG"), List.of(f.template.getItems()));
        assertEquals("Carotid: SSEP + EEG", f.template.getText());
        Ui.choose(f.procedureType, "posterior spinal fusion");
        assertEquals("Spine: SSEP + TcMEP", f.template.getText());
        Ui.choose(f.procedureType, "thyroidectomy");
        assertEquals(List.of("Spine: SSEP + TcMEP", "Carotid: SSEP + EEG"), List.of(f.template.getItems()),
                "no template names thyroidectomy: all are offered");
    }

    @Test
    void createSendsTheEnteredDetailsToTheServiceAndOpensTheCase() {
        CasesPart part = open();
        NewCaseForm f = part.form();
        fillValid(f);
        Ui.click(f.createButton());

        assertEquals(1, service.created.size());
        CaseDetails d = service.created.get(0);
        assertEquals(new Patient("Doe^Jane", "123456", LocalDate.of(1961, 3, 14), Sex.FEMALE), d.patient());
        assertEquals(new Procedure("posterior spinal fusion", "revision, hardware removal", "T10–L2", Side.MIDLINE),
                d.procedure());
        assertEquals(LocalDateTime.of(2026, 12, 7, 8, 30).atZone(ZoneId.systemDefault()).toInstant(), d.scheduledStart());
        assertEquals(List.of(new TeamMember(TeamRole.SURGEON, "Dr. Adam Smith", "MD"),
                new TeamMember(TeamRole.TECHNOLOGIST, "Jane Roe", "CNIM"),
                new TeamMember(TeamRole.NEUROPHYSIOLOGIST, "Dr. Ruth Lee", "MD, DABNM")), d.team());
        assertEquals(TestCaseWorkbench.SPINE, d.protocol());

        Ui.flush();
        assertEquals("Created case C0001 and opened it.", part.messageText());
        assertEquals("Open case C0001: J.D. · MRN 123456 · posterior spinal fusion T10–L2 (planned)", part.currentText());
        assertEquals("", f.family.getText(), "the form is emptied for the next case");
        assertFalse(f.createButton().isEnabled());
        assertEquals("C0001", part.list().getItem(0).getText(0));
        assertEquals("J.D. · 123456", part.list().getItem(0).getText(1));
        assertTrue(part.closeButton().isEnabled());
    }

    /**
     * The open case's line in a narrow Cases part: at 1280×800 (part about 790 px) the workbench's
     * "Open case 2026-12-05-001: S.D. · MRN DEMO0001 · posterior spinal fusion T10–L2 (in progress)" was one line
     * cut under "Close case…"; now it wraps beside the button. 560 px here, as the test's case id is shorter.
     */
    @Test
    void theOpenCaseLineWrapsBesideCloseCaseInTheNarrowPart() {
        CasesPart part = open();
        NewCaseForm f = part.form();
        fillValid(f);
        Ui.click(f.createButton());
        shell.setSize(560, 900);
        Ui.flush();
        org.eclipse.swt.widgets.Label line = part.currentLabel();
        assertTrue(line.getText().startsWith("Open case C0001: J.D. · MRN 123456 · posterior spinal fusion"), line.getText());
        org.eclipse.swt.graphics.Rectangle b = line.getBounds();
        assertTrue(line.computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT).x > b.width,
                "the line is longer than its room, so this tests the wrap: " + b);
        assertTrue(line.computeSize(b.width, org.eclipse.swt.SWT.DEFAULT).y <= b.height,
                "the wrapped text's height fits: needs " + line.computeSize(b.width, org.eclipse.swt.SWT.DEFAULT) + ", got " + b);
        assertTrue(b.x + b.width <= part.closeButton().getBounds().x, "left of Close case…: " + b + " vs "
                + part.closeButton().getBounds());
        assertTrue(part.closeButton().getBounds().x + part.closeButton().getBounds().width <= line.getParent().getClientArea().width,
                "Close case… inside the part");
    }

    @Test
    void theListIsSearchableNewestFirstAndOpenAndCloseGoThroughTheService() {
        service.addCase(details("Roe^Richard", "777001", "carotid endarterectomy"), CaseState.CLOSED, Instant.parse("2026-11-01T08:00:00Z"));
        service.addCase(details("Doe^Jane", "123456", "posterior spinal fusion"), CaseState.PLANNED, Instant.parse("2026-12-01T08:00:00Z"));
        CasesPart part = open();
        assertEquals(List.of("C0002", "C0001"), ids(part), "newest first");
        assertEquals("", part.databaseText());

        Ui.type(part.filter(), "carotid");
        assertEquals(List.of("C0001"), ids(part));
        part.list().select(0);
        Ui.click(part.list());
        assertFalse(part.openButton().isEnabled(), "a closed case is not opened for monitoring");

        Ui.type(part.filter(), "777");
        assertEquals(List.of("C0001"), ids(part));
        Ui.type(part.filter(), "");
        part.list().select(0);
        Ui.click(part.list());
        assertTrue(part.openButton().isEnabled());
        Ui.click(part.openButton());
        Ui.flush();
        assertEquals("C0002", service.current.id());
        assertEquals(CaseState.IN_PROGRESS, service.current.state());
        assertTrue(part.currentText().startsWith("Open case C0002: J.D. · MRN 123456"), part.currentText());
        part.list().select(1);
        Ui.click(part.list());
        assertFalse(part.openButton().isEnabled(), "another case is not opened while one is open");

        answer = false;
        Ui.click(part.closeButton());
        assertEquals(1, questions.size());
        assertTrue(questions.get(0).startsWith("Close case C0002 (J.D. · MRN 123456"), questions.get(0));
        assertEquals("C0002", service.current.id(), "not closed when the user says no");
        answer = true;
        Ui.click(part.closeButton());
        Ui.flush();
        assertEquals(null, service.current);
        assertEquals(CaseState.CLOSED, service.store.find("C0002").orElseThrow().state());
        assertEquals("No case open", part.currentText());
        assertFalse(part.closeButton().isEnabled());
    }

    @Test
    void whileTheDatabaseOpensThePartSaysSoAndThenOffersTheProcedureTypes() {
        service.databaseOpen = false;
        CasesPart part = open();
        assertEquals("Case database: Opening the case database…", part.databaseText());
        assertEquals(0, part.form().procedureType.getItemCount());
        assertEquals("The case database is not open.", part.form().summaryText());
        assertFalse(part.form().createButton().isEnabled());
        service.databaseOpen = true;
        Ui.spinUntil(() -> part.form().procedureType.getItemCount() == 4, "the part follows the database opening");
        assertEquals("", part.databaseText());
    }

    private static List<String> ids(CasesPart part) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < part.list().getItemCount(); i++) {
            ids.add(part.list().getItem(i).getText(0));
        }
        return ids;
    }

    static CaseDetails details(String name, String mrn, String procedure) {
        return new CaseDetails(new Patient(name, mrn, LocalDate.of(1961, 3, 14), Sex.FEMALE),
                new Procedure(procedure, "", procedure.contains("spinal") ? "T10–L2" : "", Side.NOT_APPLICABLE),
                null, List.of(), TestCaseWorkbench.SPINE);
    }
}
