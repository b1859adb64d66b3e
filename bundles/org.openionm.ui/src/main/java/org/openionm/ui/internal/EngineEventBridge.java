package org.openionm.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineListener;
import org.openionm.acquisition.EngineStatus;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Asks E4 to re-evaluate command enablement when the engine's state changes, so Start/Stop in
 * toolbar and menu follow the amplifier (state changes are rare; data never goes through here).
 */
public class EngineEventBridge implements EngineListener {

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;

    @Inject
    IEventBroker broker;

    @PostConstruct
    void register() {
        if (engine != null) {
            engine.addListener(this);
        }
    }

    @PreDestroy
    void unregister() {
        if (engine != null) {
            engine.removeListener(this);
        }
    }

    @Override
    public void statusChanged(EngineStatus status) {
        broker.post(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
    }

}
