package org.openionm.ui.alarms;

import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
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
import org.openionm.alarm.AlarmText;
import org.openionm.core.processing.ScreenNames;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * The alarm list: every listed alarm with its finding, criterion, values, baseline and state;
 * acknowledge the selected alarm or all of them (each through a dialog that names what it
 * acknowledges and who it is attributed to) or pause the audio for two minutes; and the alarm log
 * below. Times are case-clock hh:mm:ss, as in the status bar.
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
        // the buttons wrap in a narrow part instead of running past its edge (issue 16: "Pause audio 2" at 1280×800)
        Composite buttons = new Composite(parent, SWT.NONE);
        org.eclipse.swt.layout.RowLayout row = new org.eclipse.swt.layout.RowLayout();
        row.marginLeft = 0;
        row.marginTop = 0;
        buttons.setLayout(row);
        GridData buttonsData = new GridData(SWT.FILL, SWT.CENTER, true, false, 3, 1);
        buttonsData.widthHint = 0; // as wide as the part, never wider
        buttons.setLayoutData(buttonsData);
        Button acknowledge = button(buttons, "Acknowledge…", "Acknowledge the selected alarm, with an optional note");
        Button acknowledgeAll = button(buttons, "Acknowledge all…", "Acknowledge every listed alarm (lists them first)");
        Button silence = button(buttons, "Pause audio 2 min", "Pause alarm tones for two minutes (a new HIGH alarm sounds)");
        active = table(parent, 140, "Priority", "State", "Raised", "Finding", "Where", "Criterion", "Values", "Baseline");
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
        acknowledgeAll.addListener(SWT.Selection, e -> acknowledgeAll());
        silence.addListener(SWT.Selection, e -> alarms.silence(java.time.Duration.ofMinutes(2), Actor.current().user(),
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
        data.widthHint = 0; // the part's width: wider columns scroll inside the table, headers are not cut at the part's edge
        t.setLayoutData(data);
        return t;
    }

    /** The alarm list, for tests. */
    Table activeTable() {
        return active;
    }

    /** The alarm log, for tests. */
    Table logTable() {
        return log;
    }

    void acknowledgeSelected() {
        int i = active.getSelectionIndex();
        if (i < 0 || i >= shown.size()) {
            AlarmActions.nothingSelected(active.getShell());
            return;
        }
        AlarmActions.acknowledge(active.getShell(), alarms, List.of(shown.get(i)), false, "acknowledged in the alarm list");
    }

    void acknowledgeAll() {
        AlarmActions.acknowledge(active.getShell(), alarms, alarms.snapshot().alarms(), true,
                "acknowledged with Acknowledge all");
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
        sound.setText(s.audioPaused() ? "Audio paused until case time " + AlarmText.clock(s.audioPausedUntil()) : "");
        active.getDisplay().timerExec(500, this::refresh);
    }

    private void fillActive() {
        active.removeAll();
        for (Alarm a : shown) {
            TableItem item = new TableItem(active, SWT.NONE);
            item.setText(new String[] { a.priority().name(), a.state().name().replace('_', ' ').toLowerCase(Locale.ROOT),
                    AlarmText.clock(a.raisedSeconds()), AlarmText.finding(a), where(a.key().modality(), a.key().site(),
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
                    AlarmText.clock(e.timeSeconds()), e.event().name(),
                    e.key() == null ? "" : where(e.key().modality(), e.key().site(), e.key().channel()),
                    e.key() == null ? "" : e.key().criterion(), e.values(), e.user(), e.note() });
        }
        pack(log);
    }

    /** "TcMEP C4→C3 AH-L", not the key's ids ("mep tcmep.C4C3 AH-L"). */
    static String where(String modality, String site, String channel) {
        return ScreenNames.where(modality, site, channel, "");
    }

    private static void pack(Table t) {
        for (TableColumn c : t.getColumns()) {
            c.pack();
        }
    }
}
