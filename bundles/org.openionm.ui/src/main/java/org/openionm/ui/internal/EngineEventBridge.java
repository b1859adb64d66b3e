package org.openionm.ui.internal;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineListener;
import org.openionm.acquisition.EngineStatus;
import org.openionm.core.events.OpenIonmTopics;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Republishes engine state changes on the event broker and asks E4 to re-evaluate command
 * enablement, so Start/Stop in toolbar and menu follow the amplifier (state changes are rare;
 * data never goes through here).
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
        broker.post(OpenIonmTopics.ACQUISITION_STATE, status);
        broker.post(UIEvents.REQUEST_ENABLEMENT_UPDATE_TOPIC, UIEvents.ALL_ELEMENT_ID);
    }

    @Override
    public void consumerOverflow(String consumer, long missedBlocks) {
        broker.post(OpenIonmTopics.ACQUISITION_OVERFLOW, consumer + " missed " + missedBlocks + " block(s)");
    }
}
