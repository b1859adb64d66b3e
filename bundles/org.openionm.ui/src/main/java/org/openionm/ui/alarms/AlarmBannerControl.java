package org.openionm.ui.alarms;

import java.util.Optional;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmSnapshot;
import org.openionm.alarm.AlarmState;
import org.openionm.alarm.AlarmText;
import org.openionm.core.processing.AlarmCondition.Priority;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The alarm banner, visible in every perspective and readable across the room: the most urgent
 * alarm in large type on its priority colour, flashing while a HIGH alarm is unacknowledged, with
 * the number of further alarms. It states the finding ("HIGH — TA-L TcMEP lost (−92 %)"); the
 * criterion, its source, values and baseline are in its tooltip. Clicking it acknowledges the alarm
 * it shows, after a dialog that names it and who it is attributed to (never every alarm at once).
 * It also sounds the priority's tone pattern while an unacknowledged alarm is audible.
 */
public class AlarmBannerControl {

    static final int REFRESH_MS = 250;
    /** Width the banner asks for at least; it gets the toolbar's free width beyond that. */
    static final int MIN_WIDTH = 320;
    /** Repeat intervals of the tone patterns (high priority repeats fastest). */
    static final double[] REPEAT_SECONDS = { 5, 10, 20 };

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    AlarmManager alarms;

    private Label banner;
    private Font font;
    private final AlarmTones tones = new AlarmTones();
    private boolean flashOn;
    private long lastToneNanos;
    private Priority lastTone;
    /** The banner's line in three pieces: priority, finding (shortened first), state and count. */
    private String[] pieces = { "", "", "" };

    @PostConstruct
    public void create(Composite parent) {
        Composite box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(1, false);
        layout.marginHeight = 0; // a stretching trim item gets the toolbar's row height, no more
        box.setLayout(layout);
        banner = new Label(box, SWT.CENTER);
        GridData data = new GridData(SWT.FILL, SWT.CENTER, true, false);
        // the least it asks of the toolbar; its ToolControl is tagged "stretch", so it takes the
        // toolbar's free width, and a finding longer than that is shortened (BannerText)
        data.widthHint = MIN_WIDTH;
        banner.setLayoutData(data);
        banner.addListener(SWT.Resize, e -> showText());
        FontData[] base = banner.getFont().getFontData();
        font = new Font(banner.getDisplay(), base[0].getName(), Math.max(16, base[0].getHeight() + 6), SWT.BOLD);
        banner.setFont(font);
        banner.setData("org.eclipse.e4.ui.css.id", "AlarmBanner");
        banner.addListener(SWT.MouseUp, e -> acknowledgeShown());
        refresh();
    }

    /** The banner label, for tests. */
    public Label label() {
        return banner;
    }

    /** Acknowledges the alarm the banner shows, after the dialog naming it. */
    void acknowledgeShown() {
        if (alarms != null) {
            alarms.snapshot().alarms().stream().findFirst().ifPresent(top -> AlarmActions.acknowledge(banner.getShell(),
                    alarms, java.util.List.of(top), false, "acknowledged from the banner"));
            refresh();
        }
    }

    private void refresh() {
        if (banner == null || banner.isDisposed()) {
            return;
        }
        show(alarms == null ? null : alarms.snapshot());
        banner.getDisplay().timerExec(REFRESH_MS, this::refresh);
    }

    private void show(AlarmSnapshot snapshot) {
        Optional<Alarm> top = snapshot == null ? Optional.empty() : snapshot.alarms().stream().findFirst();
        String[] text;
        Priority priority = top.map(Alarm::priority).orElse(null);
        if (snapshot == null) {
            text = new String[] { "", "Alarm manager not installed", "" };
        } else if (top.isEmpty()) {
            text = new String[] { "", "No active alarms", "" };
        } else {
            Alarm a = top.get();
            int more = snapshot.alarms().size() - 1;
            // the same words as AlarmText.banner(a), split so that only the finding is ever shortened
            text = new String[] { a.priority() + " \u2014 ", AlarmText.finding(a),
                    (a.state() == AlarmState.CLEARED_UNACKNOWLEDGED ? " (cleared)" : "") + (more > 0 ? "   +" + more + " more" : "")
                            + (snapshot.audioPaused() ? "   🔇" : "") };
        }
        String tip = top.map(a -> AlarmText.details(a) + "\n\nClick to acknowledge this alarm").orElse(null);
        if (!java.util.Objects.equals(tip, banner.getToolTipText())) {
            banner.setToolTipText(tip);
        }
        boolean flash = top.isPresent() && priority == Priority.HIGH && top.get().state() == AlarmState.ACTIVE_UNACKNOWLEDGED;
        flashOn = flash && !flashOn;
        // no alarm (or the off phase of a flash): the theme's own colours, taken from the styled parent,
        // so "No active alarms" reads in the light theme as well as in the dark one
        Color bg = banner.getParent().getBackground();
        Color fg = banner.getParent().getForeground();
        if (priority != null && !flashOn) {
            bg = new Color(AlarmColors.background(priority));
            fg = new Color(AlarmColors.foreground(priority));
        }
        banner.setBackground(bg);
        banner.setForeground(fg);
        if (!java.util.Arrays.equals(text, pieces)) {
            pieces = text;
            showText();
        }
        if (snapshot != null) {
            sound(snapshot);
        }
    }

    /** The pieces in the label's width: the finding shortened if need be, priority and count whole. */
    private void showText() {
        int width = banner.getSize().x - 8; // the label's own inset
        String text;
        if (width <= 0) {
            text = pieces[0] + pieces[1] + pieces[2]; // not laid out yet: the resize shows it again
        } else {
            org.eclipse.swt.graphics.GC gc = new org.eclipse.swt.graphics.GC(banner);
            try {
                gc.setFont(banner.getFont());
                text = BannerText.fit(pieces[0], pieces[1], pieces[2], width, s -> gc.textExtent(s).x);
            } finally {
                gc.dispose();
            }
        }
        if (!text.equals(banner.getText())) {
            banner.setText(text);
        }
    }

    /** The whole line the banner would show with room enough, for tests. */
    String wholeText() {
        return pieces[0] + pieces[1] + pieces[2];
    }

    private void sound(AlarmSnapshot snapshot) {
        Optional<Priority> audible = snapshot.audioPriority();
        if (audible.isEmpty()) {
            lastTone = null;
            return;
        }
        Priority p = audible.get();
        double repeat = REPEAT_SECONDS[p.ordinal()];
        if (p != lastTone || System.nanoTime() - lastToneNanos > repeat * 1e9) {
            tones.play(p);
            lastTone = p;
            lastToneNanos = System.nanoTime();
        }
    }

    /** Why alarm tones cannot be heard, or null. */
    public String soundProblem() {
        return tones.problem();
    }

    @PreDestroy
    void dispose() {
        tones.dispose();
        if (font != null) {
            font.dispose();
        }
    }
}
