package org.openionm.cases.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.openionm.cases.CaseWorkbench;
import org.osgi.service.event.Event;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Login at start, activity reporting and the inactivity lock, as an E4 addon contributed by this
 * bundle's model fragment: it needs the workbench window (dialogs are modal to it) and starts once the
 * UI is up (APP_STARTUP_COMPLETE), so the first live trace does not wait for a login. The case service
 * may come after that (DS): the guard starts when both are there. Without the case service (feature
 * not installed) it does nothing.
 */
public class SessionAddon {

    public static final String ID = "org.openionm.cases.ui.addon.session";

    private CaseWorkbench workbench;
    private MApplication app;
    private IWorkbench ui;
    private SessionGuard guard;

    @Inject
    void workbench(@Optional @Service CaseWorkbench service) {
        workbench = service;
        startIfReady();
    }

    @Inject
    @Optional
    void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication application,
            IWorkbench workbenchUi) {
        app = application;
        ui = workbenchUi;
        startIfReady();
    }

    private void startIfReady() {
        if (workbench == null || app == null || guard != null) {
            return;
        }
        Display display = Display.getDefault();
        CaseWorkbench service = workbench;
        display.asyncExec(() -> {
            if (guard == null && !display.isDisposed()) {
                guard = new SessionGuard(display, service, () -> windowShell(app), () -> ui.close());
                guard.start();
            }
        });
    }

    private static Shell windowShell(MApplication app) {
        for (MWindow w : app.getChildren()) {
            if (w.getWidget() instanceof Shell s && !s.isDisposed()) {
                return s;
            }
        }
        return Display.getDefault().getActiveShell();
    }

    /** The guard once started, for tests. */
    SessionGuard guard() {
        return guard;
    }

    @PreDestroy
    void dispose() {
        if (guard != null) {
            guard.stop();
        }
    }
}
