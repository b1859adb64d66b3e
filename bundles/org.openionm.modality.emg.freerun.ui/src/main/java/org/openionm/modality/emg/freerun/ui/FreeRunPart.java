package org.openionm.modality.emg.freerun.ui;

import java.util.List;
import java.util.Locale;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.core.model.Channel;
import org.openionm.modality.emg.freerun.audio.EmgAudioControl;
import org.openionm.processing.ProcessorHost;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The "Free-run EMG" tab of the Live perspective (contributed by this bundle's fragment.e4xmi): big
 * train-time counters, per-channel strips with the detected discharges, the discharge list, and the
 * sound (on/off, a 2-minute mute that ends by itself, the device's state).
 */
public class FreeRunPart {

    public static final String ID = "org.openionm.modality.emg.freerun.ui.part";
    /** As long as the alarm audio pause (2 min by default). */
    static final double MUTE_SECONDS = 120;

    @Inject
    @Optional
    @Service
    ProcessorHost host;

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    @Optional
    @Service
    EmgAudioControl audio;

    private final FreeRunModel model = new FreeRunModel();
    private final RawFeed raw = new RawFeed();
    private ConsumerRegistration registration;
    private FreeRunView view;
    private Label header;
    private Button sound;
    private Button mute;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        view = new FreeRunView(parent);
        // wraps rather than being cut in the narrow tab (issue 16: "Waiting for free-run EMG" cut at 1280×800)
        header = new Label(view.toolbar, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        sound = new Button(view.toolbar, SWT.CHECK);
        sound.setText("Sound");
        mute = new Button(view.toolbar, SWT.PUSH);
        mute.setText("Mute 2 min");
        sound.addListener(SWT.Selection, e -> {
            if (audio != null) {
                audio.enabled(sound.getSelection());
            }
        });
        mute.addListener(SWT.Selection, e -> {
            if (audio == null) {
                return;
            }
            if (audio.now() < audio.mutedUntil()) {
                audio.unmute();
            } else {
                audio.mute(MUTE_SECONDS);
            }
        });
        if (host == null) {
            header.setText("The processor host is not installed: no results can be shown.");
        } else {
            host.addListener(model);
        }
        if (engine != null) {
            registration = engine.addConsumer("free-run EMG strips", raw, 256);
        }
        tick(parent.getDisplay());
    }

    /** The display timer: 10 frames a second, the model drained on the display thread. */
    private void tick(org.eclipse.swt.widgets.Display display) {
        if (view.root.isDisposed()) {
            return;
        }
        model.drain();
        List<String> labels = raw.channels().stream().map(Channel::label).toList();
        view.refresh(model, raw.buffer(), labels);
        updateHeader();
        display.timerExec(100, () -> tick(display));
    }

    private void updateHeader() {
        String audioText;
        if (audio == null) {
            audioText = "sound: not installed";
            sound.setEnabled(false);
            mute.setEnabled(false);
        } else {
            sound.setSelection(audio.enabled());
            double left = audio.mutedUntil() - audio.now();
            mute.setText(left > 0 ? String.format(Locale.ROOT, "Muted %d:%02d (unmute)", (long) left / 60, (long) left % 60)
                    : "Mute 2 min");
            audioText = "sound: " + audio.status();
        }
        String text = (model.counters().isEmpty() ? "Waiting for free-run EMG" : "Free-run EMG")
                + " · A-trains, neurotonic discharges, bursts, spikes · " + audioText;
        if (!text.equals(header.getText())) {
            header.setText(text);
            view.root.layout(true, true); // the wrapped header may need another line: the toolbar's height changes
        }
    }

    /** The model, for tests. */
    public FreeRunModel model() {
        return model;
    }

    /** The header line, for tests. */
    Label header() {
        return header;
    }

    FreeRunView view() {
        return view;
    }

    @PreDestroy
    public void dispose() {
        if (host != null) {
            host.removeListener(model);
        }
        if (registration != null) {
            registration.close();
        }
    }
}
