package org.openionm.modality.emg.triggered.ui;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.processing.ProcessorHost;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * The "t-EMG" tab of the Live perspective (contributed by this bundle's fragment.e4xmi): listens to
 * the processor host for the triggered-EMG results and starts or stops ramps through the engine. It
 * redraws four times a second, only when a result arrived.
 */
public class TemgPart {

    public static final String ID = "org.openionm.modality.emg.triggered.ui.part";

    @Inject
    @Optional
    @Service
    ProcessorHost host;

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    /** The model fed since start-up; without it (no host yet) the tab listens itself from now on. */
    @Inject
    @Optional
    @Service
    TemgFeed feed;

    private TemgModel model;
    private boolean ownListener;
    private TemgView view;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        model = feed != null ? feed.model() : new TemgModel();
        ownListener = feed == null && host != null;
        if (ownListener) {
            host.addListener(model);
        }
        view = new TemgView(parent, model, new EngineRamps());
        tick();
    }

    private void tick() {
        if (view.isDisposed()) {
            return;
        }
        view.refresh();
        view.getDisplay().timerExec(250, this::tick);
    }

    /** The view, for tests. */
    public TemgView view() {
        return view;
    }

    /** The model the host feeds, for tests. */
    public TemgModel model() {
        return model;
    }

    @PreDestroy
    public void dispose() {
        if (ownListener) {
            host.removeListener(model);
        }
    }

    private final class EngineRamps implements RampControl {
        @Override
        public List<String> rampSites() {
            if (engine == null || engine.status().state() != EngineState.RUNNING) {
                return List.of();
            }
            return engine.status().stimulation().sites().stream().filter(p -> p.kind() == StimulationKind.RAMP)
                    .map(PeriodicStimulation::siteId).toList();
        }

        @Override
        public void startRamp(String site) {
            if (engine == null) {
                throw new IllegalStateException("no acquisition engine is installed");
            }
            engine.startRamp(site);
        }

        @Override
        public void stopRamp(String site) {
            if (engine == null) {
                throw new IllegalStateException("no acquisition engine is installed");
            }
            engine.stopRamp(site);
        }
    }
}
