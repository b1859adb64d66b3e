package org.openionm.modality.mep.ui;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationKind;
import org.openionm.ui.widgets.evoked.EvokedPart;
import org.openionm.ui.widgets.evoked.EvokedRules;

import jakarta.inject.Inject;

/**
 * The "TcMEP" tab of the Live perspective (contributed by this bundle's fragment.e4xmi). TcMEP
 * trains are given on request, so the tab carries one "Fire" button per on-demand site the running
 * program declares a train, where the technologist watches the responses.
 */
public class MepPart extends EvokedPart {

    public static final String ID = "org.openionm.modality.mep.ui.part";

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    private Composite toolbar;
    private List<String> shownSites = List.of();

    @Override
    protected EvokedRules rules() {
        return new MepRules();
    }

    @Override
    protected String waitingText() {
        return "Waiting for TcMEP trains: one tile per muscle appears with its first response";
    }

    @Override
    protected void createControls(Composite bar) {
        toolbar = bar;
        if (engine != null) {
            refreshButtons();
        }
    }

    /** Polls the engine's program twice a second (it changes only when an acquisition starts). */
    private void refreshButtons() {
        if (toolbar.isDisposed()) {
            return;
        }
        boolean running = engine.status().state() == EngineState.RUNNING;
        List<String> sites = running ? engine.status().stimulation().sites().stream()
                .filter(p -> p.rateHz() == 0 && p.kind() == StimulationKind.TRAIN).map(PeriodicStimulation::siteId).toList()
                : List.of();
        if (!sites.equals(shownSites)) {
            shownSites = sites;
            for (var c : toolbar.getChildren()) {
                c.dispose();
            }
            for (String site : sites) {
                Button fire = new Button(toolbar, SWT.PUSH);
                fire.setText("Fire " + MepRules.shortSite(site));
                fire.setToolTipText("Deliver one TcMEP train at " + site + " now");
                fire.addListener(SWT.Selection, e -> fire(site));
            }
            toolbar.getParent().layout(true, true);
        }
        toolbar.getDisplay().timerExec(500, this::refreshButtons);
    }

    private void fire(String site) {
        try {
            engine.trigger(site);
        } catch (IllegalArgumentException | IllegalStateException e) {
            view().setWaitingText("Cannot fire " + site + ": " + e.getMessage());
        }
    }
}
