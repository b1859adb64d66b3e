package org.openionm.ui.workbench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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
import org.eclipse.e4.ui.model.application.ui.menu.MHandledToolItem;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.ui.handlers.SwitchPerspectiveHandler;
import org.openionm.ui.internal.AcquisitionSettings;
import org.openionm.ui.parts.AmplifierSetupPart;
import org.openionm.ui.parts.ModalitySettingsPart;
import org.openionm.ui.parts.RawSignalsPart;
import org.openionm.ui.status.AlarmCountControl;
import org.openionm.ui.status.DriverStatusControl;
import org.openionm.ui.widgets.trace.CanvasSnapshot;
import org.openionm.ui.widgets.trace.TraceCanvas;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;

/**
 * Starts the real workbench from Application.e4xmi, with the simulated amplifier started by the
 * demo autostart, and checks what a technologist would see: the Live perspective's Raw signals
 * part repainting with new data, the modality views in their stack, the status bar, and
 * perspective switching.
 */
class WorkbenchUiTest {

    private static final long TIMEOUT_MS = 60_000;
    private static final String MODALITIES_STACK = "org.openionm.ui.partstack.modalities";
    private static final int CHANNELS = AcquisitionSettings.DEMO.channelCount();
    private static final double RATE = AcquisitionSettings.DEMO.samplingRateHz();

    /** Steps run one after another on the UI thread, each until it returns true. */
    private interface Step {
        boolean run() throws Exception;
    }

    @Test
    void workbenchOpensOnLiveRawSignalsThatRepaintWithData() throws Exception {
        System.setProperty(AcquisitionSettings.AUTOSTART_PROPERTY, "simulator");
        Display display = Display.getDefault();
        E4Workbench workbench = new E4Application().createE4Workbench(new TestApplicationContext(
                "-applicationXMI", "org.openionm.ui/Application.e4xmi", "-clearPersistedState", "-persistState", "false",
                "-cssTheme", "org.openionm.theme.dark"), display);
        assertNotNull(workbench, "the workbench could not be created");
        MApplication application = workbench.getApplication();
        EModelService models = application.getContext().get(EModelService.class);

        RawSignalsPart[] raw = new RawSignalsPart[1];
        long[] firstFrame = new long[2];
        List<String> seen = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        ServiceRegistration<?>[] fileDriver = new ServiceRegistration<?>[1];
        List<Step> steps = List.of(
                () -> { // the Live perspective shows Raw signals
                    MPart part = (MPart) models.find(RawSignalsPart.ID, application);
                    if (part == null || !(part.getObject() instanceof RawSignalsPart p)) {
                        return false;
                    }
                    raw[0] = p;
                    seen.add("raw signals part rendered");
                    return true;
                },
                () -> { // beside it, one modality-neutral stack where each installed modality's fragment puts its part
                    MPartStack stack = (MPartStack) models.find(MODALITIES_STACK, application);
                    assertEquals(List.of("org.openionm.ui.partstack.live=36", MODALITIES_STACK + "=36",
                            "org.openionm.ui.partstack.alarms=28"), stack.getParent().getChildren().stream()
                            .map(e -> e.getElementId() + "=" + e.getContainerData()).toList());
                    assertEquals(List.of("org.openionm.modality.ssep.ui.part", "org.openionm.modality.mep.ui.part"),
                            stack.getChildren().stream().map(MUIElement::getElementId).toList());
                    if (!(stack.getSelectedElement() instanceof MPart selected) || selected.getObject() == null) {
                        return false;
                    }
                    assertEquals("org.openionm.modality.ssep.ui.SsepPart", selected.getObject().getClass().getName());
                    seen.add("modality parts in the Modalities stack");
                    return true;
                },
                () -> { // it draws data ...
                    TraceCanvas canvas = raw[0].canvas();
                    if (canvas.lastPaintedNewestIndex() < 2 * RATE) { // 2 s of data
                        return false;
                    }
                    firstFrame[0] = canvas.paintCount();
                    firstFrame[1] = canvas.lastPaintedNewestIndex();
                    return true;
                },
                () -> { // ... and repaints with newer data
                    TraceCanvas canvas = raw[0].canvas();
                    if (canvas.paintCount() <= firstFrame[0] || canvas.lastPaintedNewestIndex() <= firstFrame[1]) {
                        return false;
                    }
                    assertEquals(CHANNELS, canvas.traces().size());
                    // each trace at the range its channel's role declares: the demo's 8 SSEP channels and
                    // 2 EEG at 100 µV, its 4 MEP muscles and 2 facial EMG channels at 500 µV
                    assertEquals(List.of(100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 100.0, 500.0, 500.0, 500.0, 500.0,
                            500.0, 500.0, 100.0, 100.0), canvas.traces().stream().map(TraceCanvas.Trace::scaleUv).toList(),
                            canvas.traces().stream().map(TraceCanvas.Trace::label).toList().toString());
                    int[] drawn = columnsWithTrace(canvas);
                    int columns = canvas.getClientArea().width - 110;
                    int perColumn = (int) Math.ceil(canvas.windowSeconds() * RATE / columns);
                    long dataColumns = Math.min(columns, canvas.lastPaintedNewestIndex() / perColumn);
                    for (int row = 0; row < CHANNELS; row++) {
                        assertTrue(drawn[row] >= 0.9 * dataColumns, "trace " + row + " drawn in " + drawn[row]
                                + " columns but data fill " + dataColumns);
                    }
                    seen.add("repainted with data");
                    return true;
                },
                () -> { // the status bar names the running amplifier
                    MToolControl control = (MToolControl) models.find("org.openionm.ui.status.driver", application);
                    String text = ((DriverStatusControl) control.getObject()).label().getText();
                    if (!text.contains("acquiring")) {
                        return false;
                    }
                    assertTrue(text.contains("Simulated amplifier"), text);
                    MToolControl alarms = (MToolControl) models.find("org.openionm.ui.status.alarms", application);
                    String alarmText = ((AlarmCountControl) alarms.getObject()).label().getText();
                    if (!alarmText.startsWith("Active alarms:")) {
                        return false; // the alarm manager's DS component is found, not a placeholder
                    }
                    seen.add("status: " + text + " | " + alarmText);
                    return true;
                },
                () -> { // Start and Stop follow the running amplifier
                    MHandledToolItem start = (MHandledToolItem) models.find("org.openionm.ui.toolitem.start", application);
                    MHandledToolItem stop = (MHandledToolItem) models.find("org.openionm.ui.toolitem.stop", application);
                    if (start.isEnabled() || !stop.isEnabled()) {
                        return false;
                    }
                    seen.add("start disabled, stop enabled");
                    return true;
                },
                () -> { // switching to Setup through the command shows the amplifier part
                    IEclipseContext ctx = application.getContext();
                    ParameterizedCommand command = ctx.get(ECommandService.class).createCommand(
                            "org.openionm.ui.command.perspective",
                            Map.of(SwitchPerspectiveHandler.PARAMETER, "org.openionm.ui.perspective.setup"));
                    ctx.get(EHandlerService.class).executeHandler(command);
                    MPerspective active = models.getActivePerspective((MWindow) models.find("org.openionm.ui.window.main", application));
                    assertEquals("org.openionm.ui.perspective.setup", active.getElementId());
                    assertEquals("OpenIONM — Setup", ((MWindow) models.find("org.openionm.ui.window.main", application)).getLabel());
                    MPart setup = (MPart) models.find(AmplifierSetupPart.ID, application);
                    assertTrue(setup.getObject() instanceof AmplifierSetupPart, "Setup part rendered");
                    List<String> labels = labelsUnder((org.eclipse.swt.widgets.Composite) setup.getWidget());
                    assertTrue(labels.contains("Scenario"), "the simulator's own options are offered: " + labels);
                    assertTrue(labels.stream().anyMatch(l -> l.startsWith("L median: 3.17 Hz, averaged")),
                            "the running stimulation is shown, sites by name: " + labels);
                    List<String> trains = ((AmplifierSetupPart) setup.getObject()).trainChoicesShown();
                    assertTrue(labels.stream().noneMatch(l -> l.contains("median.left") || l.contains("tcmep."))
                            && trains.stream().noneMatch(l -> l.contains("tcmep.")), "no site ids in Setup: " + labels + " " + trains);
                    MPart settings = (MPart) models.find(ModalitySettingsPart.ID, application);
                    assertTrue(settings.getObject() instanceof ModalitySettingsPart, "Modality settings rendered beside it");
                    seen.add("switched to Setup");
                    return true;
                },
                () -> { // an amplifier whose source sets the rate: the rate control says so, not ignored silently
                    if (fileDriver[0] == null) {
                        fileDriver[0] = FrameworkUtil.getBundle(WorkbenchUiTest.class).getBundleContext()
                                .registerService(AmplifierDriver.class, new FileRateDriver(), null);
                        return false;
                    }
                    Composite root = (Composite) ((MPart) models.find(AmplifierSetupPart.ID, application)).getWidget();
                    Table table = first(root, Table.class);
                    int fileRow = rowWithId(table, FileRateDriver.ID);
                    if (fileRow < 0) {
                        return false; // the part polls the engine's drivers twice a second
                    }
                    table.select(fileRow);
                    table.notifyListeners(SWT.Selection, new Event());
                    Combo rate = rateCombo(root);
                    assertFalse(rate.isEnabled(), "the rate is not offered for a source that sets it");
                    assertTrue(labelsUnder(root).contains("set by the recording"), labelsUnder(root).toString());
                    table.select(rowWithId(table, "simulator"));
                    table.notifyListeners(SWT.Selection, new Event());
                    assertTrue(rate.isEnabled(), "the simulator takes the configured rate");
                    assertFalse(labelsUnder(root).contains("set by the recording"));
                    seen.add("rate control follows the amplifier");
                    return true;
                });

        int[] step = { 0 };
        long deadline = System.currentTimeMillis() + TIMEOUT_MS;
        Runnable[] tick = new Runnable[1];
        tick[0] = () -> {
            try {
                while (step[0] < steps.size() && steps.get(step[0]).run()) {
                    step[0]++;
                }
            } catch (Throwable t) {
                failure[0] = t;
            }
            if (failure[0] != null || step[0] == steps.size() || System.currentTimeMillis() > deadline) {
                workbench.close();
            } else {
                display.timerExec(100, tick[0]);
            }
        };
        display.timerExec(100, tick[0]);
        workbench.createAndRunUI(application); // runs the event loop until close()
        stopAcquisition();
        if (fileDriver[0] != null) {
            fileDriver[0].unregister();
        }

        if (failure[0] != null) {
            throw new AssertionError("workbench check failed after: " + seen, failure[0]);
        }
        assertEquals(steps.size(), step[0], "timed out after: " + seen);
        assertNull(failure[0]);
    }

    /** For each trace row, the number of pixel columns where the trace colour appears. */
    private static int[] columnsWithTrace(TraceCanvas canvas) {
        Rectangle area = canvas.getClientArea();
        ImageData data = CanvasSnapshot.capture(canvas);
        RGB trace = canvas.getForeground().getRGB();
        double rowHeight = (area.height - 22) / (double) CHANNELS;
        int[] columns = new int[CHANNELS];
        for (int row = 0; row < CHANNELS; row++) {
            for (int x = 110; x < area.width; x++) {
                for (int y = (int) Math.round(row * rowHeight); y < (int) Math.round((row + 1) * rowHeight); y++) {
                    if (CanvasSnapshot.rgb(data, x, y).equals(trace)) {
                        columns[row]++;
                        break;
                    }
                }
            }
        }
        return columns;
    }


    /** The first widget of {@code type} under {@code parent} that {@code test} accepts, depth first, or null. */
    private static <T> T first(Composite parent, Class<T> type, java.util.function.Predicate<T> test) {
        for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
            if (type.isInstance(child) && test.test(type.cast(child))) {
                return type.cast(child);
            }
            if (child instanceof Composite composite) {
                T found = first(composite, type, test);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }

    private static <T> T first(Composite parent, Class<T> type) {
        return first(parent, type, t -> true);
    }

    /** The sampling-rate choice of the Setup part: the combo that offers 5000 Hz (driver options are other combos). */
    private static Combo rateCombo(Composite root) {
        return first(root, Combo.class, c -> List.of(c.getItems()).contains("5000"));
    }

    /** Row of the Setup drivers table whose "Id" column is {@code id}, or −1. */
    private static int rowWithId(Table table, String id) {
        for (int i = 0; i < table.getItemCount(); i++) {
            if (table.getItem(i).getText(1).equals(id)) {
                return i;
            }
        }
        return -1;
    }

    private static List<String> labelsUnder(org.eclipse.swt.widgets.Composite parent) {
        List<String> texts = new ArrayList<>();
        for (org.eclipse.swt.widgets.Control child : parent.getChildren()) {
            if (child instanceof org.eclipse.swt.widgets.Label label) {
                texts.addAll(List.of(label.getText().split("\n")));
            } else if (child instanceof org.eclipse.swt.widgets.Composite composite) {
                texts.addAll(labelsUnder(composite));
            }
        }
        return texts;
    }

    private static void stopAcquisition() {
        BundleContext ctx = FrameworkUtil.getBundle(RawSignalsPart.class).getBundleContext();
        ServiceReference<AcquisitionEngine> ref = ctx.getServiceReference(AcquisitionEngine.class);
        if (ref != null) {
            ctx.getService(ref).stop();
            ctx.ungetService(ref);
        }
    }
}
