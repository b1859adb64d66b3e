package org.openionm.ui.internal;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmText;

/**
 * The questions asked before an action that ends monitoring (Stop, Quit) or decides what a new
 * acquisition shows (Start): never by accident, and the question says what is at stake.
 */
public final class Confirmations {

    public static final String STOP_TITLE = "Stop acquisition?";
    public static final String STOP = "Stop acquisition";
    public static final String QUIT_TITLE = "Quit OpenIONM?";
    public static final String QUIT = "Quit";
    public static final String START_TITLE = "Start acquisition";
    public static final String CONTINUE = "Continue this case";
    public static final String FRESH = "Start fresh";

    /** What the user chose before a start. */
    public enum StartChoice { CONTINUE, FRESH, CANCEL }

    private Confirmations() {
    }

    /** What would be lost by stopping now: listed alarms and a running recording; empty when nothing. */
    public static List<String> atStake(AlarmManager alarms, boolean acquiring, boolean recording) {
        List<String> lines = new ArrayList<>();
        List<Alarm> listed = alarms == null ? List.of() : alarms.snapshot().alarms();
        if (!listed.isEmpty()) {
            lines.add(listed.size() == 1 ? "1 alarm is listed:" : listed.size() + " alarms are listed:");
            listed.stream().limit(6).forEach(a -> lines.add("  \u2022 " + AlarmText.banner(a)));
            if (listed.size() > 6) {
                lines.add("  \u2022 \u2026 and " + (listed.size() - 6) + " more");
            }
        }
        if (recording) {
            lines.add("The case recording is being written; it ends with the acquisition.");
        } else if (acquiring) {
            lines.add("The acquisition is running: monitoring stops.");
        }
        return lines;
    }

    /** True to go ahead: nothing at stake, or the user confirmed. */
    public static boolean confirmStop(Shell shell, AlarmManager alarms, boolean recording) {
        List<String> stake = atStake(alarms, false, recording);
        if (stake.isEmpty()) {
            return true;
        }
        return ask(shell, STOP_TITLE, "Stop the acquisition? Monitoring stops; nothing further is averaged or"
                + " alarmed.\n\n" + String.join("\n", stake), STOP);
    }

    public static boolean confirmQuit(Shell shell, AlarmManager alarms, boolean acquiring, boolean recording) {
        List<String> stake = atStake(alarms, acquiring, recording);
        if (stake.isEmpty()) {
            return true;
        }
        return ask(shell, QUIT_TITLE, "Quit OpenIONM? Monitoring ends and alarms are no longer shown or sounded."
                + "\n\n" + String.join("\n", stake), QUIT);
    }

    /**
     * Inside an open case, after an earlier acquisition: continue it (alarms, baselines and trends
     * stay, the case clock runs on across the gap) or start fresh (alarms closed in the log,
     * baselines and trends start over, the clock at 0:00).
     */
    public static StartChoice askStart(Shell shell, String caseName, int listedAlarms) {
        String message = "An earlier acquisition of " + caseName + " ran in this session.\n\n"
                + CONTINUE + ": its " + listedAlarms + " listed alarm(s) stay listed, the baselines and trends are"
                + " kept, and the case clock runs on (the time without data is shown as a gap); the case recording"
                + " goes on in a new segment.\n"
                + FRESH + ": the alarms of the earlier acquisition are closed (kept in the alarm log), the baselines"
                + " and trends start over and the case clock restarts at 0:00: capture the baselines again.";
        MessageDialog dialog = new MessageDialog(shell, START_TITLE, null, message, MessageDialog.QUESTION, 2,
                CONTINUE, FRESH, "Cancel");
        return switch (dialog.open()) {
            case 0 -> StartChoice.CONTINUE;
            case 1 -> StartChoice.FRESH;
            default -> StartChoice.CANCEL;
        };
    }

    private static boolean ask(Shell shell, String title, String message, String yes) {
        // Cancel is the default button: Enter pressed by reflex does not end monitoring
        return new MessageDialog(shell, title, null, message, MessageDialog.WARNING, 1, yes, "Cancel").open() == 0;
    }
}
