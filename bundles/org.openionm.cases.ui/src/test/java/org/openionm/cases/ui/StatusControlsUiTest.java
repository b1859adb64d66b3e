package org.openionm.cases.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.cases.CaseWorkbench.RecordingStatus;
import org.openionm.cases.ui.CaseTexts.Tone;

/** The status-bar fields: case, recording and user, from the case service's state. */
class StatusControlsUiTest {

    private final TestCaseWorkbench service = new TestCaseWorkbench();
    private Shell shell;
    private CaseStatusControl caseField;
    private RecordingStatusControl recordingField;
    private UserStatusControl userField;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private void open() {
        shell = Ui.shell(1400, 80);
        shell.setLayout(new RowLayout(SWT.HORIZONTAL));
        shell.setBackground(shell.getDisplay().getSystemColor(SWT.COLOR_BLACK)); // the dark theme's status bar
        caseField = new CaseStatusControl();
        caseField.workbench = service;
        caseField.create(shell);
        recordingField = new RecordingStatusControl();
        recordingField.workbench = service;
        recordingField.create(shell);
        userField = new UserStatusControl();
        userField.workbench = service;
        userField.create(shell);
        shell.open();
    }

    private void refresh() {
        caseField.refreshNow();
        recordingField.refreshNow();
        userField.refreshNow();
    }

    @Test
    void caseFieldNamesThePatientByInitialsAndMrnAndTheProcedure() {
        open();
        assertEquals("No case", caseField.label().getText());
        service.session.loginDemo(Instant.now());
        service.create(CasesPartUiTest.details("Doe^Jane", "123456", "posterior spinal fusion"), false);
        refresh();
        assertEquals("J.D. · MRN 123456 · posterior spinal fusion T10–L2", caseField.label().getText());
        assertEquals("Not recording (no acquisition)", recordingField.label().getText());
        assertEquals(Tone.NORMAL, recordingField.tone());
    }

    @Test
    void recordingIsRedWithSizeAndDiskTimeAndAProblemTakesTheAlarmColour() {
        open();
        RGB normal = recordingField.label().getForeground().getRGB();
        service.recording = new RecordingStatus(true, Path.of("/data/cases/C0001/C0001-1.bdf"), 12_400_000, 600, 11_400, "");
        refresh();
        assertEquals("● REC 12.4 MB · ≈ 3 h 10 min disk", recordingField.label().getText());
        assertEquals(Tone.RECORDING, recordingField.tone());
        RGB red = recordingField.label().getForeground().getRGB();
        assertTrue(red.red >= 190 && red.green < 100 && red.blue < 100, "recording in red, was " + red);

        service.recording = new RecordingStatus(true, null, 98_700_000, 600, 2_400, "about 40 min of recording left");
        refresh();
        assertEquals("● REC 98.7 MB · about 40 min of recording left", recordingField.label().getText());
        assertEquals(Tone.PROBLEM, recordingField.tone());
        assertEquals(PolledLabel.ALARM_BACKGROUND, recordingField.label().getBackground().getRGB());

        service.recording = new RecordingStatus(false, null, 98_700_000, 600, 0, "disk full: /data has 0 bytes free");
        refresh();
        assertEquals("Not recording: disk full: /data has 0 bytes free", recordingField.label().getText());
        assertEquals(Tone.PROBLEM, recordingField.tone());

        service.recording = RecordingStatus.IDLE;
        refresh();
        assertEquals("Not recording", recordingField.label().getText());
        assertEquals(normal, recordingField.label().getForeground().getRGB(), "back to the theme's colour");
    }

    @Test
    void theUserFieldSaysWhoIsLoggedInAndMarksTheDemoUser() {
        open();
        assertEquals("Not logged in", userField.label().getText());
        service.session.loginDemo(Instant.now());
        refresh();
        assertEquals("Demo technologist (not a real user)", userField.label().getText());
        assertEquals(Tone.DEMO, userField.tone());
        service.session.login("jroe", TestCaseWorkbench.JANE_PASSWORD.toCharArray(), Instant.EPOCH);
        service.session.lockIfIdle(Instant.EPOCH.plusSeconds(601));
        refresh();
        assertEquals("Jane Roe, CNIM (locked)", userField.label().getText());
        assertEquals(Tone.NORMAL, userField.tone());
    }

    @Test
    void diskTimeIsRoundedDownToMinutes() {
        assertEquals("3 h 10 min", CaseTexts.duration(11_459));
        assertEquals("40 min", CaseTexts.duration(2_400));
        assertEquals("< 1 min", CaseTexts.duration(59));
        assertEquals("00:12:05", CaseTexts.caseTime(725.9));
        assertEquals("--:--:--", CaseTexts.caseTime(Double.NaN));
    }
}
