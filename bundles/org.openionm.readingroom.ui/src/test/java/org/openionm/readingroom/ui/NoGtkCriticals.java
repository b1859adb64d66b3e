package org.openionm.readingroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.openionm.testkit.StderrCapture;

/**
 * Fails a reading-room UI test on any GTK critical (or pixman "Invalid rectangle") printed on the process's
 * stderr while it ran, after its own clean-up: the reading room logged dozens of
 * "gtk_box_gadget_distribute: assertion 'size >= 0' failed in GtkScrollbar" (issue 16), a control laid out
 * at no height, as the shell's {@code PerspectiveWalkUiTest} fails on them for the Live side.
 */
final class NoGtkCriticals implements BeforeEachCallback, AfterEachCallback {

    private static final Namespace NAMESPACE = Namespace.create(NoGtkCriticals.class);

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        try {
            context.getStore(NAMESPACE).put("stderr", new StderrCapture());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        StderrCapture stderr = context.getStore(NAMESPACE).remove("stderr", StderrCapture.class);
        try {
            assertEquals(java.util.List.of(), stderr.gtkCriticals("[test] "), "GTK criticals in " + context.getDisplayName());
        } catch (Exception | Error e) {
            throw e;
        } catch (Throwable t) {
            throw new IllegalStateException(t);
        }
    }
}
