package org.openionm.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openionm.alarm.AlarmManager;

/**
 * Issue 16, item 11: the alarm list's and the log's "Where" column name the source as the field does
 * ("TcMEP C3→C4 TA-L"), not by the alarm key's ids ("mep tcmep.C3C4 TA-L").
 */
class AlarmWhereUiTest {

    private Shell shell;
    private AlarmManager alarms;
    private AlarmsPart part;
    private Display display;

    @BeforeEach
    void open() throws Exception {
        alarms = AlarmServices.fresh();
        display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        part = new AlarmsPart();
        part.alarms = alarms;
        part.create(shell);
        shell.setSize(1000, 600);
        shell.open();
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private static void waitForRows(Display display, Table table) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline && table.getItemCount() == 0) {
            if (!display.readAndDispatch()) {
                display.sleep();
            }
        }
    }

    @Test
    void whereReadsAsTheMontageAndMuscleNotTheIds() {
        alarms.onCondition(AcknowledgeUiTest.tcmepLoss(467.9, "TA-L"));
        waitForRows(display, part.activeTable());
        waitForRows(display, part.logTable());
        assertEquals(1, part.activeTable().getItemCount());
        assertEquals("TcMEP C3\u2192C4 TA-L", part.activeTable().getItem(0).getText(4), "the list's Where column");
        assertEquals("TcMEP C3\u2192C4 TA-L", part.logTable().getItem(0).getText(3), "the log's Where column");
        for (Table t : new Table[] { part.activeTable(), part.logTable() }) {
            for (int c = 0; c < t.getColumnCount(); c++) {
                String cell = t.getItem(0).getText(c);
                assertFalse(cell.contains("tcmep.") || cell.startsWith("mep "), "no alarm-key ids on screen: " + cell);
            }
        }
    }

    @Test
    void technicalAndUnknownSitesStayReadable() {
        assertEquals("technical Erb-L", AlarmsPart.where("technical", "", "Erb-L"));
        assertEquals("SSEP L median CP3", AlarmsPart.where("ssep", "median.left", "CP3"));
        assertEquals("free-run EMG FDI-L", AlarmsPart.where("emg.freerun", "", "FDI-L"));
    }
}
