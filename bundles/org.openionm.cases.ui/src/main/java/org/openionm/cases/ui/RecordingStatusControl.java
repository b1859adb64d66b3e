package org.openionm.cases.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.widgets.Composite;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.ui.CaseTexts.Styled;
import org.openionm.cases.ui.CaseTexts.Tone;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** Status bar: the case's full-disclosure recording ("● REC 12.4 MB · ≈ 3 h 10 min disk" in red), or what stopped it. */
public class RecordingStatusControl extends PolledLabel {

    public static final String ID = "org.openionm.cases.ui.status.recording";

    @Inject
    @Optional
    @Service
    CaseWorkbench workbench;

    @PostConstruct
    public void create(Composite parent) {
        createLabel(parent, "RecordingStatus", 36);
    }

    @Override
    protected String tooltip() {
        return "Full-disclosure recording of the open case: file size and the recording time left on its disk";
    }

    @Override
    protected Styled styled() {
        if (workbench == null) {
            return new Styled("Not recording (cases not installed)", Tone.NORMAL);
        }
        return CaseTexts.recordingText(workbench.recording(), workbench.currentCase().isPresent());
    }
}
