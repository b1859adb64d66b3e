package org.openionm.modality.eeg.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.openionm.processing.ProcessorHost;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Registers the shared {@link EegModel} with the processor host when the workbench starts: E4 creates
 * the EEG tab only when it is first shown, and a density spectral array must hold the case from its start.
 */
public class EegFeedAddon {

    @Inject
    @Optional
    @Service
    ProcessorHost host;

    @PostConstruct
    void start() {
        if (host != null) {
            host.addListener(EegModel.shared());
        }
    }

    @PreDestroy
    void stop() {
        if (host != null) {
            host.removeListener(EegModel.shared());
        }
    }
}
