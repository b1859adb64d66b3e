package org.openionm.ui.alarms;

import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.jface.dialogs.InputDialog;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmSnapshot;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The alarm list: every listed alarm with its criterion, values, baseline and state; acknowledge
 * (with a note) or pause the audio for two minutes; and the alarm log below.
 */
public class AlarmsPart {

    public static final String ID = "org.openionm.ui.part.alarms";
    static final int LOG_ROWS = 200;

    @Inject
    @Optional
    @Service
    AlarmManager alarms;

    private Table active;
    private Table log;
    private Label sound;
    private long shownRevision = -1;
    private List<Alarm> shown = List.of();

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(3, false));
        Button acknowledge = button(parent, "Acknowledge…", "Acknowledge the selected alarm, with an optional note");
        Button acknowledgeAll = button(parent, "Acknowledge all", "Acknowledge every listed alarm");
        Button silence = button(parent, "Pause audio 2 min", "Pause alarm tones for two minutes (a new HIGH alarm sounds)");
        active = table(parent, 140, "Priority", "State", "Raised", "Where", "Criterion", "Values", "Baseline");
        Label history = new Label(parent, SWT.NONE);
        history.setText("Alarm log");
        history.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        log = table(parent, 160, "#", "Time", "Event", "Where", "Criterion", "Values", "User", "Note");
        sound = new Label(parent, SWT.WRAP);
        sound.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1));
        if (alarms == null) {
            sound.setText("The alarm manager is not installed: no alarms can be shown.");
            return;
        }
        acknowledge.addListener(SWT.Selection, e -> acknowledgeSelected());
        acknowledgeAll.addListener(SWT.Selection, e -> alarms.acknowledgeAll(user(), alarms.snapshot().caseTimeSeconds(), ""));
        silence.addListener(SWT.Selection, e -> alarms.silence(java.time.Duration.ofMinutes(2), user(),
                alarms.snapshot().caseTimeSeconds()));
        refresh();
    }

    private static Button button(Composite parent, String text, String tip) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(text);
        b.setToolTipText(tip);
        return b;
    }

    private static Table table(Composite parent, int height, String... headings) {
        Table t = new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        t.setHeaderVisible(true);
        for (String h : headings) {
            new TableColumn(t, SWT.LEFT).setText(h);
        }
        GridData data = new GridData(SWT.FILL, SWT.FILL, true, true, 3, 1);
        data.heightHint = height;
        t.setLayoutData(data);
        return t;
    }

    private static String user() {
        return System.getProperty("user.name", "user");
    }

    private void acknowledgeSelected() {
        int i = active.getSelectionIndex();
        if (i < 0 || i >= shown.size()) {
            return;
        }
        InputDialog note = new InputDialog(active.getShell(), "Acknowledge alarm", "Note (optional), e.g. what was done:", "",
                null);
        if (note.open() == Window.OK) {
            alarms.acknowledge(shown.get(i).key(), user(), alarms.snapshot().caseTimeSeconds(), note.getValue());
        }
    }

    private void refresh() {
        if (active.isDisposed()) {
            return;
        }
        AlarmSnapshot s = alarms.snapshot();
        if (s.revision() != shownRevision) {
            shownRevision = s.revision();
            shown = s.alarms();
            fillActive();
            fillLog();
        }
        sound.setText(s.audioPaused() ? String.format(Locale.ROOT, "Audio paused until case time %.0f s", s.audioPausedUntil())
                : "");
        active.getDisplay().timerExec(500, this::refresh);
    }

    private void fillActive() {
        active.removeAll();
        for (Alarm a : shown) {
            TableItem item = new TableItem(active, SWT.NONE);
            item.setText(new String[] { a.priority().name(), a.state().name().replace('_', ' ').toLowerCase(Locale.ROOT),
                    String.format(Locale.ROOT, "%.1f s", a.raisedSeconds()), where(a.key().modality(), a.key().site(),
                            a.key().channel()), a.key().criterion(), a.values(), a.baseline() });
            item.setBackground(0, new org.eclipse.swt.graphics.Color(AlarmColors.background(a.priority())));
            item.setForeground(0, new org.eclipse.swt.graphics.Color(AlarmColors.foreground(a.priority())));
        }
        pack(active);
    }

    private void fillLog() {
        log.removeAll();
        List<AlarmLogEntry> entries = alarms.log();
        for (int i = entries.size() - 1; i >= Math.max(0, entries.size() - LOG_ROWS); i--) {
            AlarmLogEntry e = entries.get(i);
            new TableItem(log, SWT.NONE).setText(new String[] { Long.toString(e.sequence()),
                    String.format(Locale.ROOT, "%.1f s", e.timeSeconds()), e.event().name(),
                    e.key() == null ? "" : where(e.key().modality(), e.key().site(), e.key().channel()),
                    e.key() == null ? "" : e.key().criterion(), e.values(), e.user(), e.note() });
        }
        pack(log);
    }

    private static String where(String modality, String site, String channel) {
        return String.join(" ", modality, site, channel).trim();
    }

    private static void pack(Table t) {
        for (TableColumn c : t.getColumns()) {
            c.pack();
        }
    }
}
