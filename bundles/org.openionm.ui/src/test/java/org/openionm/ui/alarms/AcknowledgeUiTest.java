package org.openionm.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmState;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/**
 * Acknowledgement per alarm through the alarm list (IEC 60601-1-8: the user responds to an alarm he
 * has seen): the dialog names the alarm(s), "acknowledge all" lists what it acknowledges and can be
 * cancelled, nothing selected is said, and the log names who — here nobody is logged in (the case
 * side is not in this test runtime), so the OS login, and the dialog says so.
 */
class AcknowledgeUiTest {

    static final String LOSS = "TcMEP loss of response (all-or-none) [MacDonald 2017, J Clin Neurophysiol 34:4]";
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

    static AlarmCondition tcmepLoss(double t, String muscle) {
        return new AlarmCondition(t, "mep", "tcmep.C3C4", muscle, LOSS, Priority.HIGH, true,
                muscle + " no response (p2p 40 uV, -92 % of baseline p2p; noise p2p 30 uV)", "baseline 00:05:00, 500 uV",
                new Provenance("mep test", Map.of()));
    }

    static AlarmCondition leadOff(double t) {
        return new AlarmCondition(t, "technical", "", "Erb-L", "Lead off", Priority.MEDIUM, true, "flat", "",
                new Provenance("driver health", Map.of()));
    }

    private void showAlarms(int count) {
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline && part.activeTable().getItemCount() != count) {
            display.readAndDispatch();
        }
        assertEquals(count, part.activeTable().getItemCount(), "the list shows the alarms");
    }

    private Alarm alarmOf(String channel) {
        return alarms.snapshot().alarms().stream().filter(a -> a.key().channel().equals(channel)).findFirst().orElseThrow();
    }

    @Test
    void acknowledgeNamesTheSelectedAlarmAndNothingSelectedIsSaid() {
        alarms.onCondition(tcmepLoss(467.9, "TA-L"));
        alarms.onCondition(leadOff(470));
        showAlarms(2);
        assertEquals("00:07:47", part.activeTable().getItem(0).getText(2), "raised on the case clock, hh:mm:ss");
        assertEquals("TA-L TcMEP lost (\u221292 %)", part.activeTable().getItem(0).getText(3), "the finding column");

        AtomicReference<DialogDriver.Seen> none = DialogDriver.answer(display, AlarmActions.NOTHING_SELECTED, "OK", null);
        part.acknowledgeSelected();
        assertNotNull(none.get(), "with nothing selected a message says so");
        assertTrue(none.get().text().contains("Select an alarm in the list first"), none.get().text());
        assertTrue(alarms.snapshot().alarms().stream().allMatch(a -> a.acknowledgement() == null), "nothing acknowledged");

        part.activeTable().setSelection(0);
        AtomicReference<DialogDriver.Seen> seen = DialogDriver.answer(display, AcknowledgeDialog.TITLE_ONE,
                AcknowledgeDialog.ACKNOWLEDGE, "surgeon informed");
        part.acknowledgeSelected();
        assertNotNull(seen.get(), "the acknowledge dialog opened");
        String text = seen.get().text();
        assertTrue(text.contains("HIGH \u2014 TA-L TcMEP lost (\u221292 %)   (raised 00:07:47)"), text);
        assertTrue(!text.contains("Lead off"), "only the selected alarm is named: " + text);
        String os = System.getProperty("user.name");
        assertTrue(text.contains("Attributed to: " + os + " \u2014 the operating-system login, because nobody is logged in"),
                text);

        Alarm acked = alarmOf("TA-L");
        assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, acked.state());
        assertEquals(os + " (OS login: nobody logged in)", acked.acknowledgement().user());
        assertEquals("acknowledged in the alarm list: surgeon informed", acked.acknowledgement().note());
        assertNull(alarmOf("Erb-L").acknowledgement(), "the other alarm is untouched");
    }

    @Test
    void acknowledgeAllListsEveryAlarmAndCancelAcknowledgesNothing() {
        alarms.onCondition(tcmepLoss(600, "TA-L"));
        alarms.onCondition(tcmepLoss(601, "AH-L"));
        alarms.onCondition(leadOff(602));
        showAlarms(3);

        AtomicReference<DialogDriver.Seen> cancelled = DialogDriver.answer(display, AcknowledgeDialog.TITLE_ALL, "Cancel", null);
        part.acknowledgeAll();
        assertNotNull(cancelled.get());
        String text = cancelled.get().text();
        assertTrue(text.contains("Acknowledge these 3 alarms?"), text);
        for (String line : List.of("HIGH \u2014 TA-L TcMEP lost (\u221292 %)", "HIGH \u2014 AH-L TcMEP lost (\u221292 %)",
                "MEDIUM \u2014 Lead off Erb-L")) {
            assertTrue(text.contains(line), line + " listed: " + text);
        }
        assertTrue(alarms.snapshot().alarms().stream().allMatch(a -> a.acknowledgement() == null), "cancel acknowledges nothing");

        int logged = alarms.log().size();
        AtomicReference<DialogDriver.Seen> ok = DialogDriver.answer(display, AcknowledgeDialog.TITLE_ALL,
                AcknowledgeDialog.ACKNOWLEDGE, null);
        part.acknowledgeAll();
        assertNotNull(ok.get());
        assertTrue(alarms.snapshot().alarms().stream().allMatch(a -> a.state() == AlarmState.ACTIVE_ACKNOWLEDGED));
        List<AlarmLogEntry> acks = alarms.log().subList(logged, alarms.log().size()).stream()
                .filter(e -> e.event() == AlarmLogEntry.Event.ACKNOWLEDGED).toList();
        assertEquals(3, acks.size(), "one log row per alarm the dialog listed");

        AtomicReference<DialogDriver.Seen> nothing = DialogDriver.answer(display, AlarmActions.NOTHING_TO_ACKNOWLEDGE, "OK", null);
        part.acknowledgeAll();
        assertNotNull(nothing.get(), "all acknowledged already: said, not silently ignored");
        assertTrue(nothing.get().text().contains("Every listed alarm is already acknowledged."), nothing.get().text());
    }

    @Test
    void aLoggedInClinicianIsTheActorAndTheOsLoginOnlyWithNobodyLoggedIn() {
        assertEquals(new Actor("dr.meyer", false), Actor.of(Optional.of("dr.meyer"), "jdoe"));
        assertEquals("dr.meyer", Actor.of(Optional.of("dr.meyer"), "jdoe").describe());
        Actor os = Actor.of(Optional.empty(), "jdoe");
        assertTrue(os.osLogin());
        assertEquals("jdoe (OS login: nobody logged in)", os.user());
        assertEquals("jdoe \u2014 the operating-system login, because nobody is logged in to OpenIONM", os.describe());
    }
}
