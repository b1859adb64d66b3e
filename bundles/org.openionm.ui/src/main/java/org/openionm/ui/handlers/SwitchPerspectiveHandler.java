package org.openionm.ui.handlers;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;

import jakarta.inject.Named;

/** Switches between the Setup, Live and Review perspectives. */
public class SwitchPerspectiveHandler {

    static final String TITLE = "OpenIONM";
    public static final String PARAMETER = "org.openionm.ui.commandparameter.perspective";

    @Execute
    public void execute(@Named(PARAMETER) String perspectiveId, MApplication application, EModelService models,
            EPartService parts) {
        List<MPerspective> found = models.findElements(application, perspectiveId, MPerspective.class);
        if (found.isEmpty()) {
            return;
        }
        MPerspective perspective = found.get(0);
        parts.switchPerspective(perspective);
        MWindow window = models.getTopLevelWindowFor(perspective);
        if (window != null) {
            window.setLabel(TITLE + " — " + perspective.getLabel()); // the technologist always sees the mode
        }
    }
}
