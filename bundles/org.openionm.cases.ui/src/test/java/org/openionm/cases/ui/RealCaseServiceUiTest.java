package org.openionm.cases.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.AuditActions;
import org.openionm.cases.AuditEntry;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.CaseWorkbenches;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;

/**
 * The Events part against the real case service on the embedded database (the other UI tests use an
 * in-memory double): a quick button and a typed note land in the case database with the logged-in
 * user, and the audit trail holds them, intact.
 */
class RealCaseServiceUiTest {

    @TempDir
    Path data;

    private CaseWorkbench service;
    private Shell shell;

    @BeforeEach
    void openRealService() {
        service = CaseWorkbenches.withoutAcquisition(DataArea.embedded(data), true);
        service.session().loginDemo(Instant.now());
    }

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
        CaseWorkbenches.close(service);
    }

    @Test
    void eventsEnteredInThePartAreStoredAttributedAndAudited() {
        MonitoringCase demo = service.openDemoCase();
        shell = Ui.shell(420, 800);
        EventEntryPart part = new EventEntryPart();
        part.workbench = service;
        part.create(shell);
        shell.open();
        Ui.spinUntil(part::entryEnabled, "entry enabled for the open demo case");
        assertTrue(part.headerText().contains(demo.id()), part.headerText());

        Button incision = part.quickButtons().stream().filter(b -> b.getText().endsWith("Incision")).findFirst().orElseThrow();
        Ui.click(incision);
        Ui.choose(part.typeCombo(), "Monitoring · Note");
        Ui.type(part.text(), "pads checked");
        Ui.enter(part.text());
        Ui.spinUntil(() -> part.logTable().getItemCount() == 2, "both entries in the part's log");

        List<CaseEvent> stored = service.database().orElseThrow().events().events(demo.id());
        assertEquals(List.of(EventType.INCISION, EventType.NOTE), stored.stream().map(CaseEvent::type).toList());
        assertEquals("pads checked", stored.get(1).text());
        String user = service.session().actor().username();
        assertTrue(stored.stream().allMatch(e -> e.author().equals(user)), stored.toString());
        List<AuditEntry> audit = service.database().orElseThrow().audit().entries(demo.id());
        assertEquals(2, audit.stream().filter(e -> e.action().equals(AuditActions.EVENT_ENTERED)).count(), audit.toString());
        assertTrue(service.database().orElseThrow().audit().verify(null).intact());
    }
}
