package org.openionm.cases.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.EventType;

/** The event entry part against the in-memory test double of the case service. */
class EventEntryPartUiTest {

    private final TestCaseWorkbench service = new TestCaseWorkbench();
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private EventEntryPart open(boolean withCase) {
        service.session.login("jroe", TestCaseWorkbench.JANE_PASSWORD.toCharArray(), Instant.now());
        if (withCase) {
            service.create(CasesPartUiTest.details("Doe^Jane", "123456", "posterior spinal fusion"), false);
        }
        service.caseTime = 725.4;
        shell = Ui.shell(420, 800);
        EventEntryPart part = new EventEntryPart();
        part.workbench = service;
        part.create(shell);
        shell.open();
        Ui.flush();
        return part;
    }

    private static Button quick(EventEntryPart part, String label) {
        return part.quickButtons().stream().filter(b -> b.getText().replaceFirst("^\\d ", "").replace("…", "").equals(label))
                .findFirst().orElseThrow(() -> new AssertionError(label + " not among "
                        + part.quickButtons().stream().map(Button::getText).toList()));
    }

    private static List<String> row(EventEntryPart part, int i) {
        TableItem item = part.logTable().getItem(i);
        return List.of(item.getText(0), item.getText(2), item.getText(1));
    }

    @Test
    void withoutACaseOrWhenLockedTheEntryIsDisabledAndSaysWhy() {
        EventEntryPart part = open(false);
        assertFalse(part.entryEnabled());
        assertEquals("No case is open: open or create one in Setup → Cases to log events.", part.headerText());
        assertFalse(part.text().isEnabled());
        assertFalse(part.informedButton().isEnabled());

        service.create(CasesPartUiTest.details("Doe^Jane", "123456", "posterior spinal fusion"), false);
        Ui.spinUntil(part::entryEnabled, "entry enabled once a case is open");
        assertEquals("Events of C0001 · J.D. · MRN 123456 · posterior spinal fusion T10–L2", part.headerText());
        assertEquals("1 Positioning (prone)", part.quickButtons().get(0).getText(), "the spine's quick buttons");

        service.session.lockIfIdle(Instant.now().plusSeconds(3600));
        Ui.spinUntil(() -> !part.entryEnabled(), "entry disabled while locked");
        assertEquals("The session is locked: unlock it to log events.", part.headerText());
    }

    @Test
    void enterLogsTheChosenTypeWithItsFieldsAndText() {
        EventEntryPart part = open(true);
        Ui.choose(part.typeCombo(), "Surgical · Screw placement");
        assertEquals(List.of("level", "side"), List.copyOf(part.fieldTexts().keySet()));
        Ui.type(part.fieldTexts().get("level"), "L4");
        Ui.type(part.fieldTexts().get("side"), "left");
        Ui.type(part.text(), "medial breach suspected");
        Ui.enter(part.text());

        assertEquals(1, service.logged.size());
        CaseEvent e = service.logged.get(0);
        assertEquals(EventType.SCREW_PLACEMENT, e.type());
        assertEquals(Map.of("level", "L4", "side", "left"), e.fields());
        assertEquals("medial breach suspected", e.text());
        assertEquals("", part.text().getText(), "emptied for the next entry");
        assertEquals("Monitoring · Note", part.typeCombo().getText(), "back to a note, so Enter does not repeat the type");
        assertTrue(part.fieldTexts().isEmpty(), "a note has no fields");
        Ui.flush();
        assertEquals(List.of("00:12:05", "Jane Roe", "Screw placement level=L4 side=left: medial breach suspected"), row(part, 0));
        assertEquals("Logged 00:12:05: EVENT Screw placement level=L4 side=left: medial breach suspected", part.statusText());

        Ui.enter(part.text());
        assertEquals(1, service.logged.size(), "an empty note is not logged");
        assertEquals("Nothing to log: type a text, or choose a type.", part.statusText());
    }

    @Test
    void aQuickButtonWithNothingToFillLogsAtOnceByClickOrDigit() {
        EventEntryPart part = open(true);
        Ui.click(quick(part, "Incision"));
        assertEquals(1, service.logged.size());
        assertEquals(EventType.INCISION, service.logged.get(0).type());
        assertEquals(Map.of(), service.logged.get(0).fields());

        // key 1 with the focus on the log (not typing): Positioning (prone), the first quick button
        Ui.key(part.logTable(), '1', '1', 0);
        assertEquals(2, service.logged.size());
        assertEquals(EventType.POSITIONING, service.logged.get(1).type());
        assertEquals(Map.of("position", "prone"), service.logged.get(1).fields());

        // typing a digit into the text is typing, not a quick event
        Ui.key(part.text(), '1', '1', 0);
        assertEquals(2, service.logged.size());
        Ui.flush();
        assertEquals(List.of("00:12:05", "Jane Roe", "Incision"), row(part, 0));
        assertEquals(List.of("00:12:05", "Jane Roe", "Positioning position=prone"), row(part, 1), "newest last");
    }

    @Test
    void aQuickButtonWithFieldsToFillWaitsForThemAndEnter() {
        EventEntryPart part = open(true);
        Ui.click(quick(part, "Screw placement"));
        assertEquals(0, service.logged.size(), "level and side are asked for first");
        assertEquals("Surgical · Screw placement", part.typeCombo().getText());
        Ui.enter(part.text());
        assertEquals(0, service.logged.size());
        assertEquals("Screw placement: fill in level, side first.", part.statusText());
        Ui.type(part.fieldTexts().get("level"), "T12");
        Ui.type(part.fieldTexts().get("side"), "right");
        Ui.enter(part.fieldTexts().get("side"));
        assertEquals(1, service.logged.size());
        assertEquals(EventType.SCREW_PLACEMENT, service.logged.get(0).type());
        assertEquals(Map.of("level", "T12", "side", "right"), service.logged.get(0).fields());
    }

    @Test
    void surgeonInformedHasItsOwnButtonAndKeyWithTheUserAsTeller() {
        EventEntryPart part = open(true);
        Ui.key(part.logTable(), 'i', 'i', SWT.MOD1);
        assertEquals("Communication · Surgeon informed", part.typeCombo().getText());
        assertEquals("Jane Roe", part.fieldTexts().get("by").getText(), "told by the logged-in user");
        Ui.type(part.fieldTexts().get("informed"), "Dr. Smith");
        Ui.type(part.fieldTexts().get("response"), "distraction released");
        Ui.type(part.text(), "left TcMEP loss");
        Ui.enter(part.text());
        assertEquals(1, service.logged.size());
        CaseEvent e = service.logged.get(0);
        assertEquals(EventType.SURGEON_INFORMED, e.type());
        assertEquals(Map.of("informed", "Dr. Smith", "by", "Jane Roe", "response", "distraction released"), e.fields());
        assertEquals("left TcMEP loss", e.text());

        Ui.click(part.informedButton());
        assertEquals("Jane Roe", part.fieldTexts().get("by").getText());
    }

    @Test
    void entriesLoggedElsewhereAppearAsTheServiceReportsThem() throws Exception {
        EventEntryPart part = open(true);
        Thread other = new Thread(() -> service.log(EventType.BASELINE_CAPTURED, Map.of("modality", "ssep"), ""));
        other.start(); // listeners are called on a background thread, as the real service does
        other.join(10_000);
        Ui.spinUntil(() -> part.logTable().getItemCount() == 1, "the entry logged elsewhere is listed");
        assertEquals(List.of("00:12:05", "Jane Roe", "Baseline captured modality=ssep"), row(part, 0));
    }
}
