package org.openionm.ui.handlers;

import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.widgets.Shell;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.alarm.AlarmManager;
import org.openionm.ui.internal.AcquisitionActions;

/** Stops the running acquisition, after a confirmation when alarms are listed or a case recording runs. */
public class StopAcquisitionHandler {

    @CanExecute
    public boolean canExecute(@Optional @Service AcquisitionEngine engine) {
        return AcquisitionActions.isRunning(engine);
    }

    @Execute
    public void execute(@Service AcquisitionEngine engine, @Optional @Service AlarmManager alarms, Shell shell) {
        AcquisitionActions.stop(shell, engine, alarms);
    }
}
