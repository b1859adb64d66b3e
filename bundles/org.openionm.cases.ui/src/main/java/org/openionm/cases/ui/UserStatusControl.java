package org.openionm.cases.ui;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.swt.widgets.Composite;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.ui.CaseTexts.Styled;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** Status bar: who is logged in (the demo technologist in amber, "not a real user"), and whether the session is locked. */
public class UserStatusControl extends PolledLabel {

    public static final String ID = "org.openionm.cases.ui.status.user";

    @Inject
    @Optional
    @Service
    CaseWorkbench workbench;

    @PostConstruct
    public void create(Composite parent) {
        createLabel(parent, "UserStatus", 36);
    }

    @Override
    protected String tooltip() {
        return "Who is logged in: every case, event and setting change is recorded under this name";
    }

    @Override
    protected Styled styled() {
        return CaseTexts.userText(workbench);
    }
}
