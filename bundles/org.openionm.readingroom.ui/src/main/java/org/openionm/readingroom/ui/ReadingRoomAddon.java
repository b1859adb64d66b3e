package org.openionm.readingroom.ui;

import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * A workbench started with a reading-room broker in its settings ({@code openionm.readingroom.broker},
 * as {@code ./openionm reading-room --demo} does) is a reading-room station: it opens on the Reading room
 * perspective.
 */
public class ReadingRoomAddon {

    static final String PERSPECTIVE = "org.openionm.readingroom.ui.perspective";

    @Inject
    @Optional
    void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app, EModelService models,
            EPartService parts) {
        if (!DeskSettings.fromSystem().configured()) {
            return;
        }
        List<MPerspective> found = models.findElements(app, PERSPECTIVE, MPerspective.class);
        if (!found.isEmpty()) {
            parts.switchPerspective(found.get(0));
            MWindow window = models.getTopLevelWindowFor(found.get(0));
            if (window != null) {
                window.setLabel("OpenIONM — " + found.get(0).getLabel());
            }
        }
    }
}
