package org.openionm.ui.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;

import jakarta.annotation.PostConstruct;

/** Review perspective's entry point; recorded cases open here once EDF+ playback is installed. */
public class ReviewPart {

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label title = new Label(parent, SWT.NONE);
        title.setText("Review");
        Label text = new Label(parent, SWT.WRAP);
        text.setText("No recording is open. Review of recorded cases needs the EDF+/BDF playback amplifier, "
                + "which is not part of this installation yet.");
        text.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
    }
}
