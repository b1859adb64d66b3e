package org.openionm.ui.status;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.openionm.acquisition.AcquisitionEngine;

import jakarta.inject.Inject;

/** A polled status label that reads the acquisition engine (absent when the engine is not installed). */
abstract class EngineStatusLabel extends PolledStatusLabel {

    @Inject
    @Optional
    @Service
    AcquisitionEngine engine;
}
