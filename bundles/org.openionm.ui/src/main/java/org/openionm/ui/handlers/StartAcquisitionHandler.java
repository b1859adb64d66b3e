package org.openionm.ui.handlers;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.CanExecute;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Shell;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.alarm.AlarmManager;
import org.openionm.ui.internal.AcquisitionActions;

/**
 * Starts acquisition with the amplifier and settings chosen in Setup (the demo simulator by default),
 * after the acquisition boundary: fresh, or continuing the open case ({@link AcquisitionActions#beforeStart}).
 */
public class StartAcquisitionHandler {

    @CanExecute
    public boolean canExecute(@Optional @Service AcquisitionEngine engine) {
        return engine != null && !AcquisitionActions.isRunning(engine);
    }

    @Execute
    public void execute(@Service AcquisitionEngine engine, @Optional @Service AlarmManager alarms,
            MApplication application, Shell shell) {
        IEclipseContext context = application.getContext();
        if (AcquisitionActions.isRunning(engine)) { // started since the enablement was computed: say so (issue 16)
            MessageDialog.openInformation(shell, "Acquisition running", AcquisitionActions.alreadyRunning(engine));
            return;
        }
        if (!AcquisitionActions.beforeStart(shell, engine, alarms)) {
            return;
        }
        try {
            AcquisitionActions.start(engine, AcquisitionActions.settings(context));
        } catch (IllegalArgumentException | IllegalStateException e) {
            MessageDialog.openError(shell, "Cannot start acquisition", e.getMessage());
        }
    }
}
