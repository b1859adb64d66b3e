package org.openionm.ui.status;

import java.util.HashMap;
import java.util.Map;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Scale;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.PlaybackControl;
import org.openionm.ui.alarms.Actor;
import org.openionm.ui.internal.AcquisitionActions;
import org.openionm.ui.internal.AcquisitionSettings;
import org.openionm.ui.internal.CaseLookup;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Status bar: the transport of a playback (issue 16) — file name, position / duration, pause, a
 * position slider and the speed (1×, 2×, 5×, as fast as possible). Shown only while a driver that
 * plays a recording runs; the same pipeline as live, only paced differently. Going back starts a new
 * playback from there (the sample clock only moves forward), as the message says: within an open case
 * it is a re-play that continues the case (its clock runs on, never back; baselines and trends stay;
 * the event log notes the resumption), outside a case a fresh start (issue 16, docs/or-workflow.md
 * item 1).
 */
public class PlaybackTransportControl {

    static final String[] SPEEDS = { "1×", "2×", "5×", "as fast as possible" };
    private static final double[] SPEED_VALUES = { 1, 2, 5, PlaybackControl.AS_FAST_AS_POSSIBLE };
    static final int REFRESH_MS = 250;

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    @Optional
    MApplication application;

    /** The open case, empty without one (tests give their own). */
    java.util.function.Supplier<java.util.Optional<String>> openCase = CaseLookup::openCase;
    /** The settings the playback runs with (tests give their own); null without an application. */
    java.util.function.Supplier<AcquisitionSettings> settings = () -> application == null ? null
            : AcquisitionActions.settings(application.getContext());
    /** The alarm manager, for the fresh start outside a case (tests give their own); may give null. */
    java.util.function.Supplier<AlarmManager> alarms = AcquisitionActions::alarmManager;

    private Composite box;
    private Label position;
    private Button pause;
    private Scale slider;
    private Combo speed;
    private Label message;
    private boolean dragging;

    @PostConstruct
    public void create(Composite parent) {
        box = new Composite(parent, SWT.NONE);
        GridLayout layout = new GridLayout(5, false);
        layout.marginHeight = 0;
        layout.marginWidth = 14;
        box.setLayout(layout);
        position = new Label(box, SWT.NONE);
        position.setData("org.eclipse.e4.ui.css.id", "PlaybackPosition");
        pause = new Button(box, SWT.PUSH);
        pause.setText("Pause");
        slider = new Scale(box, SWT.HORIZONTAL);
        slider.setLayoutData(new GridData(160, SWT.DEFAULT));
        slider.setToolTipText("Position in the recording: drag ahead to skip (played as a gap), back to play again from there"
                + " (within a case the case goes on)");
        speed = new Combo(box, SWT.READ_ONLY);
        speed.setItems(SPEEDS);
        speed.setToolTipText("Playback speed; the processing is the same at every speed");
        message = new Label(box, SWT.NONE);
        pause.addListener(SWT.Selection, e -> current().ifPresent(t -> {
            if (t.isPaused()) {
                t.resume();
            } else {
                t.pause();
            }
            refreshNow();
        }));
        speed.addListener(SWT.Selection, e -> current().ifPresent(t -> t.setSpeed(SPEED_VALUES[speed.getSelectionIndex()])));
        slider.addListener(SWT.MouseDown, e -> dragging = true);
        slider.addListener(SWT.MouseUp, e -> {
            dragging = false;
            seek(slider.getSelection());
        });
        slider.addListener(SWT.KeyUp, e -> seek(slider.getSelection()));
        refresh();
    }

    /** The transport of the running playback, if a playback runs. */
    java.util.Optional<PlaybackControl> current() {
        if (engine == null || engine.status().state() != EngineState.RUNNING) {
            return java.util.Optional.empty();
        }
        return engine.driver(engine.status().driverId()).flatMap(AmplifierDriver::playback);
    }

    /** The whole control (for tests and layout). */
    public Composite control() {
        return box;
    }

    /** What the position label says now (for tests). */
    public String positionText() {
        return position.getText();
    }

    void seek(int seconds) {
        java.util.Optional<PlaybackControl> t = current();
        if (t.isEmpty()) {
            return;
        }
        if (seconds >= Math.floor(t.get().positionSeconds())) {
            try {
                t.get().seek(seconds);
                message.setText("");
            } catch (IllegalArgumentException e) {
                message.setText(e.getMessage());
            }
        } else {
            restartAt(seconds);
        }
        refreshNow();
    }

    /** What the message line says now (for tests). */
    String messageText() {
        return message.getText();
    }

    /**
     * Back in the recording: a new playback from there (the sample clock of one only moves forward).
     * Within an open case it continues the case, so the case's clock and event log never run backward
     * and the baselines stay: a re-play, not a new case. Outside a case it is a fresh start, and like
     * every fresh start it closes the earlier run's alarms (logged).
     */
    private void restartAt(int seconds) {
        AcquisitionSettings s = settings.get();
        if (s == null) {
            return;
        }
        Map<String, String> options = new HashMap<>(s.options());
        options.put("start", Integer.toString(seconds));
        AcquisitionSettings from = new AcquisitionSettings(s.driverId(), s.samplingRateHz(), s.channelCount(), options);
        boolean inCase = openCase.get().isPresent();
        engine.stop();
        if (inCase) {
            engine.continueCaseAtNextStart();
        } else {
            AlarmManager manager = alarms.get();
            if (manager != null) {
                manager.closeAllForFreshStart(Actor.current().user(), manager.snapshot().caseTimeSeconds());
            }
        }
        try {
            AcquisitionActions.start(engine, from);
            message.setText(inCase
                    ? "playing again from " + time(seconds) + " within the case: case time goes on from "
                            + time(engine.caseClock().acquisitionStart()) + ", baselines kept"
                    : "restarted from " + time(seconds) + " (a new acquisition)");
        } catch (IllegalArgumentException | IllegalStateException e) {
            message.setText("Cannot restart the playback: " + e.getMessage());
        }
    }

    private void refreshNow() {
        update();
        box.getParent().layout(true, true);
    }

    private void refresh() {
        if (box.isDisposed()) {
            return;
        }
        update();
        box.getDisplay().timerExec(REFRESH_MS, this::refresh);
    }

    private void update() {
        java.util.Optional<PlaybackControl> t = current();
        boolean shown = t.isPresent();
        if (box.getVisible() != shown) {
            box.setVisible(shown);
            box.getParent().layout(true, true);
        }
        if (!shown) {
            return;
        }
        PlaybackControl p = t.get();
        String text = (p.isPaused() ? "❚❚ " : "▶ ") + p.sourceName() + "  " + time(p.positionSeconds()) + " / "
                + time(p.durationSeconds());
        if (!text.equals(position.getText())) {
            position.setText(text);
            box.layout(true);
        }
        pause.setText(p.isPaused() ? "Resume" : "Pause");
        int max = (int) Math.ceil(p.durationSeconds());
        if (slider.getMaximum() != Math.max(1, max)) {
            slider.setMaximum(Math.max(1, max));
            slider.setPageIncrement(Math.max(1, max / 20));
        }
        if (!dragging) {
            slider.setSelection((int) Math.floor(p.positionSeconds()));
        }
        int index = speedIndex(p.speed());
        if (speed.getSelectionIndex() != index) {
            speed.select(index);
        }
    }

    static int speedIndex(double value) {
        for (int i = 0; i < SPEED_VALUES.length; i++) {
            if (SPEED_VALUES[i] == value) {
                return i;
            }
        }
        return -1;
    }

    /** Recording time as the case clock writes it. */
    static String time(double seconds) {
        return CaseTimeControl.format(seconds);
    }
}
