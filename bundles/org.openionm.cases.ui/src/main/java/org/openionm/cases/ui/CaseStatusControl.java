package org.openionm.cases.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.widgets.Composite;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.ui.CaseTexts.Styled;
import org.openionm.cases.ui.CaseTexts.Tone;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** Status bar: the open case ("Case: J.D. · MRN 123456 · posterior spinal fusion T10–L2") or "No case". */
public class CaseStatusControl extends PolledLabel {

    public static final String ID = "org.openionm.cases.ui.status.case";

    @Inject
    @Optional
    @Service
    CaseWorkbench workbench;

    @PostConstruct
    public void create(Composite parent) {
        createLabel(parent, "CaseStatus", 48);
    }

    @Override
    protected String tooltip() {
        return "The open case: patient initials, MRN, procedure (Setup → Cases opens and closes cases)";
    }

    @Override
    protected Styled styled() {
        return new Styled(workbench == null ? "No case (cases not installed)" : CaseTexts.caseText(workbench.currentCase()),
                Tone.NORMAL);
    }
}
