package org.openionm.ui.handlers;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.swt.widgets.Shell;
import org.openionm.ui.about.AboutDialog;
import org.openionm.ui.about.InstalledComponents;
import org.osgi.framework.FrameworkUtil;

/** Shows the About dialog with the installed amplifier drivers and modalities. */
public class AboutHandler {

    @Execute
    public void execute(Shell shell) {
        new AboutDialog(shell, InstalledComponents.read(FrameworkUtil.getBundle(AboutHandler.class).getBundleContext()))
                .open();
    }
}
