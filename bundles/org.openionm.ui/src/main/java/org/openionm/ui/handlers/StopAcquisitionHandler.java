package org.openionm.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.ui.internal.AcquisitionActions;

/** Stops the running acquisition; what was received stays with its consumers. */
public class StopAcquisitionHandler {

    @CanExecute
    public boolean canExecute(@Optional @Service AcquisitionEngine engine) {
        return AcquisitionActions.isRunning(engine);
    }

    @Execute
    public void execute(@Service AcquisitionEngine engine) {
        engine.stop();
    }
}
