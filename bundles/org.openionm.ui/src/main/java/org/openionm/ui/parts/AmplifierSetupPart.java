package org.openionm.ui.parts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.layout.FillLayout;
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
import org.openionm.core.processing.ScreenNames;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.ui.internal.AcquisitionActions;
import org.openionm.ui.internal.AcquisitionSettings;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/**
 * Setup: choose the amplifier (simulator, EDF playback, hardware), its own options (scenario, file,
 * seed…), channels and sampling rate; start and stop; see the stimulation being run and fire
 * on-demand trains (TcMEP).
 */
public class AmplifierSetupPart {

    public static final String ID = "org.openionm.ui.part.amplifier";
    private ScrolledComposite scroller;
    private static final int[] RATES_HZ = { 500, 1000, 2000, 5000, 10_000, 20_000 };

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    MApplication application;

    private Table drivers;
    private DriverOptionsEditor options;
    private Spinner channels;
    private Combo rate;
    /** Says when the chosen amplifier ignores the rate (playback: the file decides). */
    private Label rateNote;
    private Button start;
    private Button stop;
    private Label status;
    private Label stimulation;
    private IntensityEditor intensities;
    private Combo onDemand;
    /** The site ids behind {@link #onDemand}'s items, which show their names ("TcMEP C3→C4"). */
    private List<String> onDemandIds = List.of();
    private Button fire;
    private Label error;
    private List<String> shownDriverIds = List.of();
    private String optionsShownFor = "";

    @PostConstruct
    public void create(Composite part) {
        // the stimulation rows (train site, Fire train) are below the part's edge at 1280×800: the part scrolls
        part.setLayout(new FillLayout());
        scroller = new ScrolledComposite(part, SWT.V_SCROLL | SWT.H_SCROLL);
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        Composite parent = new Composite(scroller, SWT.NONE);
        scroller.setContent(parent);
        scroller.addListener(SWT.Resize, e -> fitScroller());
        parent.setLayout(new GridLayout(2, false));
        SetupLabels.heading(parent, "Amplifier");
        drivers = new Table(parent, SWT.BORDER | SWT.SINGLE | SWT.FULL_SELECTION);
        drivers.setHeaderVisible(true);
        for (String title : new String[] { "Amplifier", "Id", "Max channels", "Max rate (Hz)" }) {
            TableColumn column = new TableColumn(drivers, SWT.LEFT);
            column.setText(title);
            column.setWidth(title.equals("Amplifier") ? 220 : 110);
        }
        GridData tableData = new GridData(SWT.FILL, SWT.FILL, true, false, 2, 1);
        tableData.heightHint = 90;
        drivers.setLayoutData(tableData);

        options = new DriverOptionsEditor(parent);
        options.control().setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));

        new Label(parent, SWT.NONE).setText("Channels");
        channels = new Spinner(parent, SWT.BORDER);
        AcquisitionSettings initial = AcquisitionActions.settings(application.getContext());
        channels.setValues(initial.channelCount(), 1, 256, 0, 1, 8);
        new Label(parent, SWT.NONE).setText("Sampling rate (Hz)");
        Composite rateRow = new Composite(parent, SWT.NONE);
        GridLayout rowLayout = new GridLayout(2, false);
        rowLayout.marginWidth = 0;
        rowLayout.marginHeight = 0;
        rateRow.setLayout(rowLayout);
        rate = new Combo(rateRow, SWT.READ_ONLY);
        for (int hz : RATES_HZ) {
            rate.add(Integer.toString(hz));
        }
        rate.setText(Long.toString(Math.round(initial.samplingRateHz())));
        rateNote = new Label(rateRow, SWT.NONE);
        rateNote.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        Composite buttons = new Composite(parent, SWT.NONE);
        buttons.setLayout(new GridLayout(2, true));
        buttons.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        start = new Button(buttons, SWT.PUSH);
        start.setText("Start acquisition");
        stop = new Button(buttons, SWT.PUSH);
        stop.setText("Stop");
        status = SetupLabels.wide(parent);
        error = SetupLabels.wide(parent);
        error.setData("org.eclipse.e4.ui.css.CssClassName", "ErrorText");

        SetupLabels.heading(parent, "Stimulation");
        stimulation = SetupLabels.wide(parent);
        intensities = new IntensityEditor(parent, error::setText);
        intensities.control().setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        Composite trigger = new Composite(parent, SWT.NONE);
        trigger.setLayout(new GridLayout(2, false));
        trigger.setLayoutData(new GridData(SWT.LEFT, SWT.CENTER, false, false, 2, 1));
        onDemand = new Combo(trigger, SWT.READ_ONLY);
        fire = new Button(trigger, SWT.PUSH);
        fire.setText("Fire train");
        fire.setToolTipText("Deliver one on-demand stimulus (e.g. a TcMEP train) now");

        start.addListener(SWT.Selection, e -> startAcquisition());
        stop.addListener(SWT.Selection, e -> AcquisitionActions.stop(stop.getShell(), engine, AcquisitionActions.alarmManager()));
        fire.addListener(SWT.Selection, e -> fireTrain());
        drivers.addListener(SWT.Selection, e -> {
            showOptionsOfSelectedDriver();
            remember();
        });
        channels.addListener(SWT.Modify, e -> remember());
        rate.addListener(SWT.Selection, e -> remember());
        refresh();
        FirstLayout.atPreferredSize(parent);
        fitScroller();
    }

    /** Scrolls when the contents' preferred size (which grows with the stimulation rows) exceeds the part. */
    private void fitScroller() {
        Composite content = (Composite) scroller.getContent();
        org.eclipse.swt.graphics.Point size = content.computeSize(SWT.DEFAULT, SWT.DEFAULT);
        if (!size.equals(scroller.getData("minSize"))) {
            scroller.setData("minSize", size);
            scroller.setMinSize(size);
        }
    }

    /** The part's scroller, for tests. */
    ScrolledComposite scroller() {
        return scroller;
    }

    /** The Fire train button, for tests. */
    Button fireButton() {
        return fire;
    }

    private void startAcquisition() {
        error.setText("");
        remember();
        if (AcquisitionActions.isRunning(engine)) {
            error.setText(AcquisitionActions.alreadyRunning(engine));
            return;
        }
        if (!AcquisitionActions.beforeStart(error.getShell(), engine, AcquisitionActions.alarmManager())) {
            return;
        }
        try {
            AcquisitionActions.start(engine, AcquisitionActions.settings(application.getContext()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            error.setText("Cannot start: " + e.getMessage());
        }
        refresh();
    }

    private void fireTrain() {
        if (onDemand.getSelectionIndex() < 0) {
            error.setText("Cannot fire: choose a train site first");
            return;
        }
        try {
            engine.trigger(onDemandIds.get(onDemand.getSelectionIndex()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            error.setText("Cannot fire: " + e.getMessage());
        }
    }

    private AmplifierDriver selectedDriver() {
        int index = drivers.getSelectionIndex();
        return index < 0 || index >= shownDriverIds.size() ? null : engine.driver(shownDriverIds.get(index)).orElse(null);
    }

    private void showOptionsOfSelectedDriver() {
        AmplifierDriver driver = selectedDriver();
        String id = driver == null ? "" : driver.id();
        if (id.equals(optionsShownFor)) {
            return;
        }
        AcquisitionSettings saved = AcquisitionActions.settings(application.getContext());
        Map<String, String> values = saved.driverId().equals(id) ? saved.options() : Map.of();
        options.show(driver == null ? List.of() : driver.options(), values);
        optionsShownFor = id;
        boolean fromSource = driver != null && driver.samplingRateFromSource();
        rate.setEnabled(!fromSource);
        rate.setToolTipText(fromSource ? driver.displayName() + " plays at the rate of its source; this setting is not used"
                : "Sampling rate requested from the amplifier");
        rateNote.setText(fromSource ? "set by the recording" : "");
        rateNote.getParent().layout();
    }

    private void remember() {
        AmplifierDriver driver = selectedDriver();
        if (driver == null) {
            return;
        }
        application.getContext().set(AcquisitionSettings.class, new AcquisitionSettings(driver.id(),
                Double.parseDouble(rate.getText()), channels.getSelection(), options.values()));
    }

    /** Polled twice a second: the driver list follows installed bundles, the buttons follow the engine. */
    private void refresh() {
        if (drivers.isDisposed()) {
            return;
        }
        fitScroller();
        if (engine == null) {
            status.setText("The acquisition engine is not installed.");
            start.setEnabled(false);
            stop.setEnabled(false);
            fire.setEnabled(false);
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
                new TableItem(drivers, SWT.NONE).setText(new String[] { driver.displayName(), driver.id(),
                        Integer.toString(caps.maxChannels()), Long.toString(Math.round(caps.maxSamplingRateHz())) });
            }
            shownDriverIds = ids;
            drivers.setSelection(Math.max(0, ids.indexOf(chosen)));
            showOptionsOfSelectedDriver();
        }
        EngineStatus s = engine.status();
        boolean running = AcquisitionActions.isRunning(engine);
        // enabled while running too: pressed then, it says why it does not start (issue 16)
        start.setEnabled(!available.isEmpty());
        stop.setEnabled(running);
        status.setText(available.isEmpty() ? "No amplifier driver is installed." : "State: " + s.state() + " — " + s.message());
        showStimulation(s, running);
        status.getParent().layout();
        drivers.getDisplay().timerExec(500, this::refresh);
    }

    private void showStimulation(EngineStatus s, boolean running) {
        List<PeriodicStimulation> sites = s.stimulation().sites();
        String text = sites.isEmpty() ? "No stimulation." : sites.stream().map(AmplifierSetupPart::describe)
                .collect(Collectors.joining("\n"));
        if (s.stimulation().pausesAroundTrains()) {
            text += "\n" + s.stimulation().trainGuard().describe(); // the technologist sees why SSEP stimuli pause
        }
        if (!s.warnings().isEmpty()) {
            text += "\nWarning: " + String.join("\nWarning: ", s.warnings());
        }
        if (!text.equals(stimulation.getText())) {
            stimulation.setText(text);
        }
        intensities.show(engine, running ? sites : List.of(), running ? engine.driver(s.driverId())
                .map(d -> d.capabilities().stimulators()).orElse(List.of()) : List.of());
        List<String> trains = fireable(sites);
        if (!trains.equals(onDemandIds)) {
            String chosen = onDemand.getSelectionIndex() < 0 ? "" : onDemandIds.get(onDemand.getSelectionIndex());
            onDemandIds = trains;
            onDemand.setItems(trainChoices(trains).toArray(String[]::new));
            onDemand.select(Math.max(0, trains.indexOf(chosen)));
        }
        if (onDemand.getSelectionIndex() < 0 && !trains.isEmpty()) {
            onDemand.select(0); // never empty while there are trains to fire
        }
        fire.setEnabled(running && !trains.isEmpty());
    }

    /**
     * Sites a technologist fires by hand: on-demand sites and every train, periodic ones included (the
     * immediate repeat train that confirms a change does not wait for the next planned one).
     */
    static List<String> fireable(List<PeriodicStimulation> sites) {
        return sites.stream().filter(p -> p.rateHz() == 0 || p.kind() == StimulationKind.TRAIN)
                .map(PeriodicStimulation::siteId).toList();
    }

    /** What the train selector shows for those sites: their names ("TcMEP C3→C4"), not their ids. */
    static List<String> trainChoices(List<String> siteIds) {
        return siteIds.stream().map(ScreenNames::site).toList();
    }

    /** The train selector's items as shown. */
    public List<String> trainChoicesShown() {
        return List.of(onDemand.getItems());
    }

    static String describe(PeriodicStimulation p) {
        return StimulationText.describe(p);
    }
}
