package org.openionm.ui.parts;

import java.util.ArrayList;
import java.util.List;

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
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineStatus;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.ui.internal.AcquisitionActions;
import org.openionm.ui.internal.AcquisitionSettings;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** Setup: choose the amplifier, channels and sampling rate; start and stop acquisition. */
public class AmplifierSetupPart {

    public static final String ID = "org.openionm.ui.part.amplifier";
    private static final int[] RATES_HZ = { 500, 1000, 2000, 5000, 10_000, 20_000 };

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    MApplication application;

    private Table drivers;
    private Spinner channels;
    private Combo rate;
    private Button start;
    private Button stop;
    private Label status;
    private Label error;
    private List<String> shownDriverIds = List.of();

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(2, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText("Amplifier");
        title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        drivers = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        drivers.setHeaderVisible(true);
        for (String heading : new String[] { "Amplifier", "Id", "Max channels", "Max rate (Hz)" }) {
            TableColumn column = new TableColumn(drivers, SWT.LEFT);
            column.setText(heading);
            column.setWidth(heading.equals("Amplifier") ? 220 : 110);
        }
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        tableData.heightHint = 120;
        drivers.setLayoutData(tableData);

        new Label(parent, SWT.NONE).setText("Channels");
        channels = new Spinner(parent, SWT.BORDER);
        channels.setValues(AcquisitionSettings.DEMO.channelCount(), 1, 256, 0, 1, 8);
        new Label(parent, SWT.NONE).setText("Sampling rate (Hz)");
        rate = new Combo(parent, SWT.READ_ONLY);
        for (int hz : RATES_HZ) {
            rate.add(Integer.toString(hz));
        }
        rate.select(2);

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        start = new Button(buttons, SWT.PUSH);
        start.setText("Start acquisition");
        stop = new Button(buttons, SWT.PUSH);
        stop.setText("Stop");
        status = new Label(parent, SWT.WRAP);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        error = new Label(parent, SWT.WRAP);
        error.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        error.setData("org.eclipse.e4.ui.css.CssClassName", "ErrorText");

        start.addListener(SWT.Selection, e -> startAcquisition());
        stop.addListener(SWT.Selection, e -> {
            if (engine != null) {
                engine.stop();
            }
        });
        drivers.addListener(SWT.Selection, e -> remember());
        channels.addListener(SWT.Modify, e -> remember());
        rate.addListener(SWT.Selection, e -> remember());
        refresh();
    }

    private void startAcquisition() {
        error.setText("");
        remember();
        try {
            AcquisitionActions.start(engine, AcquisitionActions.settings(application.getContext()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            error.setText("Cannot start: " + e.getMessage());
        }
        refresh();
    }

    private void remember() {
        int index = drivers.getSelectionIndex();
        if (index < 0 || index >= shownDriverIds.size()) {
            return;
        }
        application.getContext().set(AcquisitionSettings.class, new AcquisitionSettings(shownDriverIds.get(index),
                RATES_HZ[Math.max(0, rate.getSelectionIndex())], channels.getSelection()));
    }

    /** Polled twice a second: the driver list follows installed bundles, the buttons follow the engine. */
    private void refresh() {
        if (drivers.isDisposed()) {
            return;
        }
        if (engine == null) {
            status.setText("The acquisition engine is not installed.");
            start.setEnabled(false);
            stop.setEnabled(false);
            return;
        }
        List<AmplifierDriver> available = engine.availableDrivers();
        List<String> ids = new ArrayList<>();
        available.forEach(d -> ids.add(d.id()));
        if (!ids.equals(shownDriverIds)) {
            String chosen = AcquisitionActions.settings(application.getContext()).driverId();
            drivers.removeAll();
            for (AmplifierDriver driver : available) {
                DriverCapabilities caps = driver.capabilities();
                TableItem item = new TableItem(drivers, SWT.NONE);
                item.setText(new String[] { driver.displayName(), driver.id(), Integer.toString(caps.maxChannels()),
                        Long.toString(Math.round(caps.maxSamplingRateHz())) });
            }
            shownDriverIds = ids;
            drivers.setSelection(Math.max(0, ids.indexOf(chosen)));
        }
        EngineStatus s = engine.status();
        boolean running = AcquisitionActions.isRunning(engine);
        start.setEnabled(!running && !available.isEmpty());
        stop.setEnabled(running);
        status.setText(available.isEmpty() ? "No amplifier driver is installed." : "State: " + s.state() + " — " + s.message());
        status.getParent().layout();
        drivers.getDisplay().timerExec(500, this::refresh);
    }
}
