package org.openionm.ui.alarms;

import java.util.List;

import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.widgets.Shell;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmManager;

/** Acknowledgement as the banner and the alarm list offer it: always through {@link AcknowledgeDialog}. */
public final class AlarmActions {

    public static final String NOTHING_SELECTED = "No alarm selected";
    public static final String NOTHING_TO_ACKNOWLEDGE = "Nothing to acknowledge";

    private AlarmActions() {
    }

    /**
     * Asks, then acknowledges exactly the alarms the dialog listed (not whatever is listed by the
     * time OK is pressed: a new alarm must be seen before it is acknowledged).
     *
     * @return how many were acknowledged (0 when cancelled)
     */
    public static int acknowledge(Shell shell, AlarmManager manager, List<Alarm> alarms, boolean all, String where) {
        List<Alarm> open = alarms.stream().filter(a -> a.acknowledgement() == null).toList();
        if (open.isEmpty()) {
            MessageDialog.openInformation(shell, NOTHING_TO_ACKNOWLEDGE, alarms.isEmpty() ? "No alarm is listed."
                    : alarms.size() == 1 ? "This alarm is already acknowledged: " + AcknowledgeDialog.line(alarms.get(0))
                            : "Every listed alarm is already acknowledged.");
            return 0;
        }
        Actor actor = Actor.current();
        AcknowledgeDialog dialog = new AcknowledgeDialog(shell, open, actor, all);
        if (dialog.open() != Window.OK) {
            return 0;
        }
        double now = manager.snapshot().caseTimeSeconds();
        int done = 0;
        for (Alarm a : open) {
            done += manager.acknowledge(a.key(), actor.user(), now, dialog.logNote(where)) ? 1 : 0;
        }
        return done;
    }

    /** "Acknowledge…" pressed with no alarm selected: say so rather than do nothing. */
    public static void nothingSelected(Shell shell) {
        MessageDialog.openInformation(shell, NOTHING_SELECTED, "Select an alarm in the list first, then press"
                + " Acknowledge\u2026 \u2014 or use Acknowledge all, which lists every alarm it would acknowledge.");
    }
}
