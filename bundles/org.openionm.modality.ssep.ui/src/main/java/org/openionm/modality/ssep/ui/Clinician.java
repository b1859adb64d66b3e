package org.openionm.modality.ssep.ui;

import java.util.Optional;

import org.openionm.cases.CaseWorkbench;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Who chooses a baseline's averages: the clinician logged in to the case side; without one (or
 * without the case side, which is imported optionally) the OS login, and the name says so.
 */
final class Clinician {

    private Clinician() {
    }

    static String current() {
        try {
            Optional<String> user = Cases.workbench().flatMap(w -> w.session().user()).map(u -> u.username());
            if (user.isPresent()) {
                return user.get();
            }
        } catch (LinkageError | RuntimeException e) {
            // no case side in this installation: the OS login below
        }
        return System.getProperty("user.name", "unknown") + " (OS login: nobody logged in)";
    }

    /** Loaded only when asked: the optional import may be unwired. */
    private static final class Cases {
        static Optional<CaseWorkbench> workbench() {
            Bundle bundle = FrameworkUtil.getBundle(Clinician.class);
            BundleContext context = bundle == null ? null : bundle.getBundleContext();
            if (context == null) {
                return Optional.empty();
            }
            ServiceReference<CaseWorkbench> ref = context.getServiceReference(CaseWorkbench.class);
            return ref == null ? Optional.empty() : Optional.ofNullable(context.getService(ref));
        }
    }
}
