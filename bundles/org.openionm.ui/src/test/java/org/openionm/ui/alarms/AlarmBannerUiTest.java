package org.openionm.ui.alarms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmState;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.Provenance;

/** The banner against the real alarm manager service: the finding, IEC colour, flashing, acknowledge by click (after a dialog naming it). */
class AlarmBannerUiTest {

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private static AlarmCondition condition(boolean active, double t) {
        return new AlarmCondition(t, "ssep", "tibial.left", "CPz-Fpz", "amplitude down >= 50 % (ASNM 2024)", Priority.HIGH,
                active, "P37-N45 0.6 uV (-61 %)", "baseline at 120 s: 1.5 uV", new Provenance("ssep test", Map.of()));
    }

    @Test
    void aHighAlarmFlashesRedUntilAcknowledgedThenStaysRedUntilItClears() throws Exception {
        AlarmManager alarms = AlarmServices.fresh();

        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        AlarmBannerControl banner = new AlarmBannerControl();
        banner.alarms = alarms;
        banner.create(shell);
        shell.setSize(900, 80);
        shell.open();

        alarms.onCondition(condition(true, 400));
        spinUntil(display, () -> banner.label().getText().equals("HIGH \u2014 SSEP L tibial P37-N45 \u221261 %"),
                "the banner states the finding: " + banner.label().getText());
        String tip = banner.label().getToolTipText();
        assertTrue(tip.contains("Criterion: amplitude down >= 50 % (ASNM 2024)"), "the source one hover away: " + tip);
        assertTrue(tip.contains("Raised 00:06:40"), tip);
        RGB red = AlarmColors.background(Priority.HIGH);
        // unacknowledged HIGH: the background alternates between red and none
        boolean sawRed = false;
        boolean sawPlain = false;
        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline && !(sawRed && sawPlain)) {
            display.readAndDispatch();
            boolean isRed = banner.label().getBackground().getRGB().equals(red);
            sawRed |= isRed;
            sawPlain |= !isRed;
        }
        assertTrue(sawRed && sawPlain, "an unacknowledged HIGH alarm flashes");

        AtomicReference<DialogDriver.Seen> seen = DialogDriver.answer(display, AcknowledgeDialog.TITLE_ONE,
                AcknowledgeDialog.ACKNOWLEDGE, null);
        banner.acknowledgeShown();
        assertNotNull(seen.get(), "a click asks first");
        assertTrue(seen.get().text().contains("HIGH \u2014 SSEP L tibial P37-N45 \u221261 %"), "names the alarm: "
                + seen.get().text());
        assertEquals(AlarmState.ACTIVE_ACKNOWLEDGED, alarms.snapshot().alarms().get(0).state());
        spinFor(display, 2 * AlarmBannerControl.REFRESH_MS);
        for (int i = 0; i < 8; i++) {
            spinFor(display, AlarmBannerControl.REFRESH_MS);
            assertEquals(red, banner.label().getBackground().getRGB(), "acknowledged: steady red");
        }

        alarms.onCondition(condition(false, 460));
        spinUntil(display, () -> banner.label().getText().equals("No active alarms"), "the closed alarm leaves the banner");
    }

    @Test
    void aNarrowBannerShortensTheFindingButKeepsPriorityAndCountWhole() throws Exception {
        AlarmManager alarms = AlarmServices.fresh();
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        AlarmBannerControl banner = new AlarmBannerControl();
        banner.alarms = alarms;
        banner.create(shell);
        shell.setSize(AlarmBannerControl.MIN_WIDTH + 40, 80);
        shell.open();
        for (String channel : new String[] { "CPz-Fpz", "C3'-Fpz", "Cz-Fpz" }) {
            alarms.onCondition(new AlarmCondition(400, "ssep", "tibial.left", channel, "amplitude down >= 50 % (ASNM 2024)",
                    Priority.HIGH, true, "P37-N45 0.6 uV (-61 %)", "baseline at 120 s: 1.5 uV", new Provenance("ssep test", Map.of())));
        }
        spinUntil(display, () -> banner.wholeText().endsWith("   +2 more"), "three alarms: " + banner.wholeText());
        spinFor(display, 2 * AlarmBannerControl.REFRESH_MS);
        String shown = banner.label().getText();
        assertTrue(shown.startsWith("HIGH \u2014 "), "the priority first: " + shown);
        assertTrue(shown.endsWith(BannerText.ELLIPSIS + "   +2 more"), "the finding shortened, the count whole: " + shown);
        int needs = banner.label().computeSize(org.eclipse.swt.SWT.DEFAULT, org.eclipse.swt.SWT.DEFAULT).x;
        assertTrue(needs <= banner.label().getSize().x, "fits: needs " + needs + " of " + banner.label().getSize().x);

        shell.setSize(1600, 80); // room again: the whole finding comes back
        spinUntil(display, () -> banner.label().getText().equals(banner.wholeText()), "whole again: " + banner.label().getText());
    }

    private static void spinUntil(Display display, BooleanSupplier until, String what) {
        long deadline = System.currentTimeMillis() + 3000;
        while (System.currentTimeMillis() < deadline && !until.getAsBoolean()) {
            display.readAndDispatch();
        }
        assertTrue(until.getAsBoolean(), what);
    }

    private static void spinFor(Display display, long ms) {
        long deadline = System.currentTimeMillis() + ms;
        while (System.currentTimeMillis() < deadline) {
            display.readAndDispatch();
        }
    }
}
