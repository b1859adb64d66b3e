package org.openionm.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.advanced.MPerspective;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.ui.handlers.SwitchPerspectiveHandler;
import org.openionm.ui.internal.AcquisitionSettings;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Issue 16, item 11: no text is cut at 1280×800 and up. The real application model with the demo
 * acquisition running, its window at 1280×800 and at 1600×1000; every perspective and every tab of
 * every stack is shown in turn and the whole window's widget tree is measured ({@link ClippedTexts}):
 * any Label, Button or column header whose text does not fit fails the test, named with its part.
 */
class ClippedTextWalkUiTest {

    private static final String WINDOW = "org.openionm.ui.window.main";
    /** Display frames to let each shown tab lay out (a part fills its labels from the first data). */
    private static final int TICKS_PER_TAB = 4;
    private static final long TIMEOUT_MS = 180_000;

    @Test
    void noTextIsCutAt1280x800() throws Throwable {
        walk(1280, 800);
    }

    @Test
    void noTextIsCutAt1600x1000() throws Throwable {
        walk(1600, 1000);
    }

    private void walk(int width, int height) throws Throwable {
        System.setProperty(AcquisitionSettings.AUTOSTART_PROPERTY, "simulator");
        Display display = Display.getDefault();
        List<String> walked = new ArrayList<>();
        TreeSet<String> clipped = new TreeSet<>();
        List<Runnable> pending = new ArrayList<>();
        java.util.Set<String> sizes = new java.util.TreeSet<>();
        ClippedTexts.measured = 0;
        Throwable[] failure = new Throwable[1];
        E4Workbench workbench = new E4Application().createE4Workbench(new TestApplicationContext("-applicationXMI",
                "org.openionm.ui/Application.e4xmi", "-clearPersistedState", "-persistState", "false", "-cssTheme",
                "org.openionm.theme.dark"), display);
        assertNotNull(workbench, "the workbench could not be created");
        MApplication application = workbench.getApplication();
        EModelService models = application.getContext().get(EModelService.class);
        MWindow window = (MWindow) models.find(WINDOW, application);
        window.setX(0);
        window.setY(0);
        window.setWidth(width);
        window.setHeight(height);
        List<String> perspectives = models.findElements(window, null, MPerspective.class).stream()
                .map(MPerspective::getElementId).toList();
        for (String perspective : perspectives) {
            pending.add(() -> {
                switchTo(application, perspective);
                walked.add(perspective.substring(perspective.lastIndexOf('.') + 1));
            });
            pending.add(() -> {
                MPerspective active = models.getActivePerspective(window);
                List<Runnable> tabs = new ArrayList<>();
                for (MPartStack stack : models.findElements(active, null, MPartStack.class)) {
                    for (MUIElement child : List.copyOf(stack.getChildren())) {
                        if (child.isToBeRendered() && child instanceof MPart part) {
                            tabs.add(() -> {
                                stack.setSelectedElement(part);
                                walked.add(part.getElementId());
                            });
                            for (int t = 1; t < TICKS_PER_TAB; t++) {
                                tabs.add(() -> {
                                });
                            }
                            tabs.add(() -> {
                                Shell shell = (Shell) window.getWidget();
                                sizes.add(shell.getSize().x + "×" + shell.getSize().y);
                                clipped.addAll(ClippedTexts.find(shell));
                            });
                        }
                    }
                }
                pending.addAll(0, tabs);
            });
        }
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            try {
                if (!pending.isEmpty()) {
                    pending.remove(0).run();
                }
            } catch (Throwable t) {
                failure[0] = t;
            }
            if (failure[0] != null || pending.isEmpty() || System.currentTimeMillis() > deadline) {
                workbench.close();
            } else {
                display.timerExec(150, tick[0]);
            }
        };
        display.timerExec(2_500, tick[0]); // the demo acquisition fills the parts before the walk starts
        workbench.createAndRunUI(application);
        stopAcquisition();
        if (failure[0] != null) {
            throw new AssertionError("walk failed after " + walked, failure[0]);
        }
        assertEquals(List.of(), pending.stream().map(Object::toString).toList(), "walk timed out after " + walked);
        assertTrue(walked.size() > perspectives.size(), "tabs walked: " + walked);
        assertEquals(java.util.Set.of(width + "×" + height), sizes, "the window's size while measuring");
        assertTrue(ClippedTexts.measured > 50, "texts measured: " + ClippedTexts.measured);
        System.out.println("ClippedTextWalkUiTest " + width + "×" + height + ": " + ClippedTexts.measured + " texts measured in "
                + walked);
        assertEquals("", String.join("\n", clipped), "texts cut at " + width + "×" + height + " (walked " + walked + ")");
    }

    private static void switchTo(MApplication application, String perspective) {
        IEclipseContext ctx = application.getContext();
        ParameterizedCommand command = ctx.get(ECommandService.class).createCommand("org.openionm.ui.command.perspective",
                Map.of(SwitchPerspectiveHandler.PARAMETER, perspective));
        ctx.get(EHandlerService.class).executeHandler(command);
    }

    private static void stopAcquisition() {
        BundleContext ctx = FrameworkUtil.getBundle(ClippedTextWalkUiTest.class).getBundleContext();
        ServiceReference<AcquisitionEngine> ref = ctx.getServiceReference(AcquisitionEngine.class);
        if (ref != null) {
            ctx.getService(ref).stop();
            ctx.ungetService(ref);
        }
    }
}
