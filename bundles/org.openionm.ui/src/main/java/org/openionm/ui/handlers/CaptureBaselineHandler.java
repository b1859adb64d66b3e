package org.openionm.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.processing.ProcessorHost;
import org.openionm.ui.internal.AcquisitionActions;

/**
 * Takes the current results of every modality as the baseline (an explicit, logged action: alarm
 * criteria compare against it).
 */
public class CaptureBaselineHandler {

    @CanExecute
    public boolean canExecute(@Optional @Service AcquisitionEngine engine, @Optional @Service ProcessorHost host) {
        return host != null && AcquisitionActions.isRunning(engine);
    }

    @Execute
    public void execute(@Service AcquisitionEngine engine, @Service ProcessorHost host) {
        host.captureBaselineAt(engine.caseClock().now());
    }
}
