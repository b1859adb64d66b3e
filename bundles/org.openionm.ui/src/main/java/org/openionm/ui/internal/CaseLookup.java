package org.openionm.ui.internal;

import java.util.Optional;

import org.openionm.cases.CaseWorkbench;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * What the shell needs to know from the case side (logged-in clinician, open case, running
 * recording) without requiring it: org.openionm.cases is imported optionally, so a workbench built
 * without the cases feature (and the shell's own UI tests) still runs; every answer then says
 * "none".
 */
public final class CaseLookup {

    private CaseLookup() {
    }

    /** The logged-in user's name, empty when nobody is logged in or there is no case side. */
    public static Optional<String> loggedInUser() {
        try {
            return Cases.workbench().flatMap(w -> w.session().user()).map(u -> u.username());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The open case's display text, empty without a case (or without the case side). */
    public static Optional<String> openCase() {
        try {
            return Cases.workbench().flatMap(CaseWorkbench::currentCase).map(c -> "case " + c.id());
        } catch (LinkageError | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** True while the case side writes a recording. */
    public static boolean recording() {
        try {
            return Cases.workbench().map(w -> w.recording().active()).orElse(false);
        } catch (LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** Loaded only when asked: the optional import may be unwired. */
    private static final class Cases {
        static Optional<CaseWorkbench> workbench() {
            Bundle bundle = FrameworkUtil.getBundle(CaseLookup.class);
            BundleContext context = bundle == null ? null : bundle.getBundleContext();
            if (context == null) {
                return Optional.empty();
            }
            ServiceReference<CaseWorkbench> ref = context.getServiceReference(CaseWorkbench.class);
            return ref == null ? Optional.empty() : Optional.ofNullable(context.getService(ref));
        }
    }
}
