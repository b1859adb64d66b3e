package org.openionm.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.swt.widgets.Shell;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.alarm.AlarmManager;
import org.openionm.ui.internal.AcquisitionActions;
import org.openionm.ui.internal.CaseLookup;
import org.openionm.ui.internal.Confirmations;

/** Closes the workbench, after a confirmation when alarms are listed or an acquisition or recording runs. */
public class QuitHandler {

    @Execute
    public void execute(IWorkbench workbench, @Optional @Service AlarmManager alarms,
            @Optional @Service AcquisitionEngine engine, Shell shell) {
        if (Confirmations.confirmQuit(shell, alarms, AcquisitionActions.isRunning(engine), CaseLookup.recording())) {
            workbench.close();
        }
    }
}
