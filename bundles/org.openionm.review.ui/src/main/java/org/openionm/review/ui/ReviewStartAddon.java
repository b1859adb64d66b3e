package org.openionm.review.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.IWorkbench;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.osgi.service.event.Event;

import jakarta.inject.Inject;

/**
 * A workbench started with a recording to review ({@code ./openionm --review <file>}: the system property
 * {@value #FILE_PROPERTY} or the environment variable {@value #FILE_ENV}) opens on the Review perspective
 * with that file open. With {@value ReviewSeekBench#SEEKS_PROPERTY} set it then runs the seek bench and
 * quits ({@code ./openionm bench review-ui}).
 */
public class ReviewStartAddon {

    static final String FILE_PROPERTY = "openionm.review.file";
    static final String FILE_ENV = "OPENIONM_REVIEW";
    static final String PERSPECTIVE = "org.openionm.ui.perspective.review";
    private static final System.Logger LOG = System.getLogger(ReviewStartAddon.class.getName());

    @Inject
    @Optional
    void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event, MApplication app,
            EModelService models, EPartService parts) {
        String chosen = System.getProperty(FILE_PROPERTY, java.util.Objects.requireNonNullElse(System.getenv(FILE_ENV), "")).strip();
        if (chosen.isEmpty()) {
            return;
        }
        Path file = Path.of(chosen);
        List<MPerspective> found = models.findElements(app, PERSPECTIVE, MPerspective.class);
        if (found.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "cannot review " + file + " at start: no perspective " + PERSPECTIVE);
            return;
        }
        parts.switchPerspective(found.get(0));
        MWindow window = models.getTopLevelWindowFor(found.get(0));
        if (window != null) {
            window.setLabel("OpenIONM — " + found.get(0).getLabel());
        }
        MPart part = parts.findPart(ReviewPart.ID);
        if (part == null) {
            LOG.log(System.Logger.Level.WARNING, "cannot review " + file + " at start: no part " + ReviewPart.ID);
            return;
        }
        parts.showPart(part, PartState.ACTIVATE);
        if (!(part.getObject() instanceof ReviewPart review) || review.view() == null) {
            LOG.log(System.Logger.Level.WARNING, "cannot review " + file + " at start: the part was not created (" + part.getObject() + ")");
            return;
        }
        ReviewView view = review.view();
        if (!Files.isRegularFile(file)) {
            view.showStatus("Cannot review " + file + ": no such file (given with --review / " + FILE_PROPERTY + ")");
            return;
        }
        int seeks = ReviewSeekBench.seeksFromSystemProperty();
        if (seeks > 0) {
            long seed = Long.getLong(ReviewSeekBench.SEED_PROPERTY, 1);
            ReviewSeekBench.start(view, seeks, seed, () -> view.open(file, null), () -> {
                IWorkbench workbench = app.getContext().get(IWorkbench.class);
                if (workbench != null) {
                    workbench.close();
                }
            });
        }
        view.open(file, null);
    }
}
