package org.openionm.cases.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.e4.core.commands.ECommandService;
import org.eclipse.e4.core.commands.EHandlerService;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.ui.internal.workbench.E4Workbench;
import org.eclipse.e4.ui.internal.workbench.swt.E4Application;
import org.eclipse.e4.ui.model.application.MAddon;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.MUIElement;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.model.application.ui.basic.MPartStack;
import org.eclipse.e4.ui.model.application.ui.basic.MTrimBar;
import org.eclipse.e4.ui.model.application.ui.basic.MWindow;
import org.eclipse.e4.ui.model.application.ui.menu.MToolControl;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.openionm.cases.CaseDetails;
import org.openionm.cases.CaseState;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.CaseWorkbench.RecordingStatus;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.cases.Patient;
import org.openionm.cases.Procedure;
import org.openionm.cases.Sex;
import org.openionm.cases.Side;
import org.openionm.cases.TeamMember;
import org.openionm.cases.TeamRole;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceRegistration;

/**
 * Starts the real workbench (the shell's Application.e4xmi) with this bundle's model fragment and the
 * in-memory TEST DOUBLE of the case service registered as the {@link CaseWorkbench} service: the parts,
 * status fields and addon land where the fragment puts them, the demo technologist is logged in by the
 * addon, and the status bar shows the case and its recording. Screenshots of the Cases part, the event
 * entry and the status bar are written to {@code target/screenshots} (copied to docs/images by hand,
 * after looking at them).
 */
class CasesWorkbenchUiTest {

    private static final long TIMEOUT_MS = 60_000;

    private interface Step {
        boolean run() throws Exception;
    }

    @Test
    void theFragmentPutsThePartsStatusFieldsAndLoginIntoTheWorkbench() throws Exception {
        TestCaseWorkbench service = demoCase();
        BundleContext ctx = FrameworkUtil.getBundle(CasesWorkbenchUiTest.class).getBundleContext();
        Hashtable<String, Object> props = new Hashtable<>();
        props.put(Constants.SERVICE_RANKING, Integer.MAX_VALUE); // wins over the real service when it is installed too
        ServiceRegistration<CaseWorkbench> registration = ctx.registerService(CaseWorkbench.class, service, props);

        System.setProperty("openionm.autostart", "simulator"); // live traces behind the parts, as ./openionm shows them
        Display display = Display.getDefault();
        E4Workbench workbench = new E4Application().createE4Workbench(new TestApplicationContext("-applicationXMI",
                "org.openionm.ui/Application.e4xmi", "-clearPersistedState", "-persistState", "false", "-cssTheme",
                "org.openionm.theme.dark"), display);
        assertNotNull(workbench, "the workbench could not be created");
        MApplication app = workbench.getApplication();
        EModelService models = app.getContext().get(EModelService.class);
        Path shots = Path.of(System.getProperty("user.dir")).resolve("target/screenshots");
        Files.createDirectories(shots);

        List<String> seen = new ArrayList<>();
        Throwable[] failure = new Throwable[1];
        List<Step> steps = List.of(
                () -> { // the fragment's contributions, where it puts them
                    MPartStack setup = (MPartStack) models.find("org.openionm.ui.partstack.modalitysettings", app);
                    assertEquals(List.of(CasesPart.ID, "org.openionm.ui.part.modalitysettings"), ids(setup.getChildren()));
                    MPartStack alarms = (MPartStack) models.find("org.openionm.ui.partstack.alarms", app);
                    assertEquals(List.of("org.openionm.ui.part.alarms", EventEntryPart.ID), ids(alarms.getChildren()));
                    MTrimBar status = (MTrimBar) models.find("org.openionm.ui.trimbar.status", app);
                    // the case fields first, the user last, around the shell's own controls
                    assertEquals(List.of(CaseStatusControl.ID, RecordingStatusControl.ID, "org.openionm.ui.status.driver",
                            "org.openionm.ui.status.playback", "org.openionm.ui.status.casetime", "org.openionm.ui.status.alarms",
                            "org.openionm.ui.status.input", UserStatusControl.ID),
                            ids(status.getChildren()));
                    assertTrue(app.getAddons().stream().map(MAddon::getElementId).anyMatch(SessionAddon.ID::equals));
                    seen.add("contributions in place");
                    return true;
                },
                () -> { // the addon logs the demo technologist in, and the status bar says it is not a real user
                    if (service.session.user().isEmpty()) {
                        return false;
                    }
                    assertEquals(TestCaseWorkbench.DEMO, service.session.user().get());
                    String user = label(models, app, UserStatusControl.ID);
                    if (user.isBlank() || user.equals("Not logged in")) {
                        return false;
                    }
                    assertEquals("Demo technologist (not a real user)", user);
                    seen.add(user);
                    return true;
                },
                () -> { // the case and its recording in the status bar
                    String caseText = label(models, app, CaseStatusControl.ID);
                    String rec = label(models, app, RecordingStatusControl.ID);
                    if (!rec.startsWith("●")) {
                        return false;
                    }
                    assertEquals("DEMO · J.D. · MRN 123456 · posterior spinal fusion T10–L2", caseText);
                    assertEquals("● REC 12.4 MB · ≈ 3 h 10 min disk", rec);
                    seen.add(caseText + " | " + rec);
                    return true;
                },
                () -> { // Live: the event entry beside Alarms, with the case's log
                    EPartService parts = ((MWindow) models.find("org.openionm.ui.window.main", app)).getContext()
                            .get(EPartService.class);
                    MPart part = (MPart) models.find(EventEntryPart.ID, app);
                    parts.activate(part);
                    if (!(part.getObject() instanceof EventEntryPart events) || events.logTable().getItemCount() < 4) {
                        return false;
                    }
                    assertTrue(events.entryEnabled(), events.headerText());
                    Ui.click(events.quickButtons().get(2)); // "3 Screw placement…": level and side to fill
                    Ui.type(events.fieldTexts().get("level"), "L4");
                    seen.add("event entry shown");
                    return true;
                },
                () -> {
                    liveAndStatusPictures(display, models, app, shots, "");
                    seen.add("event entry and status bar pictures");
                    return true;
                },
                () -> { // Setup: the Cases part with the list and a new case being entered
                    perspective(app, "org.openionm.ui.perspective.setup");
                    MPart part = (MPart) models.find(CasesPart.ID, app);
                    if (!(part.getObject() instanceof CasesPart cases) || cases.list().getItemCount() < 3) {
                        return false;
                    }
                    NewCaseForm f = cases.form();
                    Ui.type(f.family, "Roe");
                    Ui.type(f.given, "Richard");
                    Ui.type(f.mrn, "77 001");
                    Ui.type(f.birthDate, "1958-07-02");
                    Ui.choose(f.sex, "male");
                    Ui.choose(f.procedureType, "carotid endarterectomy");
                    Ui.choose(f.side, "left");
                    Ui.type(f.teamNames.get(TeamRole.SURGEON), "Dr. Maria Chen");
                    Ui.type(f.teamCredentials.get(TeamRole.SURGEON), "MD");
                    assertEquals("MRN must be 4–20 letters or digits, was '77 001'", f.problemShown(FormField.MRN));
                    seen.add("cases part shown");
                    return true;
                },
                () -> {
                    settle(display);
                    Shell shell = window(models, app);
                    save(capture(shell, shell.getClientArea()), shots.resolve("cases.png"));
                    // the same at 1600 x 1000 (the window opens at 1280 x 800 under Xvfb without a window manager)
                    Rectangle screen = display.getBounds();
                    if (screen.width >= 1600 && screen.height >= 1000) {
                        shell.setBounds(0, 0, 1600, 1000);
                        settle(display);
                        save(capture(shell, shell.getClientArea()), shots.resolve("cases-1600x1000.png"));
                        perspective(app, "org.openionm.ui.perspective.live");
                        liveAndStatusPictures(display, models, app, shots, "-1600x1000");
                    }
                    seen.add("cases picture");
                    return true;
                },
                () -> { // stop the simulator before closing, as a user would: the case recording runs, so Stop asks first
                    boolean[] asked = { false };
                    confirmWhenAsked(display, "Stop acquisition?", "Stop acquisition", asked, 200);
                    IEclipseContext c = app.getContext();
                    c.get(EHandlerService.class).executeHandler(c.get(ECommandService.class).createCommand(
                            "org.openionm.ui.command.acquisition.stop", Map.of()));
                    assertTrue(asked[0], "Stop asked for a confirmation while the case recording ran");
                    seen.add("stop confirmed");
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
        workbench.createAndRunUI(app);
        registration.unregister();
        System.clearProperty("openionm.autostart");
        if (failure[0] != null) {
            throw new AssertionError("workbench check failed after: " + seen, failure[0]);
        }
        assertEquals(steps.size(), step[0], "timed out after: " + seen);
    }

    /** Presses {@code button} of the dialog titled {@code title} once it opens (checked every 50 ms, {@code tries} times). */
    private static void confirmWhenAsked(Display display, String title, String button, boolean[] asked, int tries) {
        display.timerExec(50, () -> {
            for (Shell s : display.getShells()) {
                if (title.equals(s.getText()) && s.isVisible()) {
                    asked[0] = true;
                    Ui.click(find(s, button));
                    return;
                }
            }
            if (tries > 1) {
                confirmWhenAsked(display, title, button, asked, tries - 1);
            }
        });
    }

    private static org.eclipse.swt.widgets.Button find(org.eclipse.swt.widgets.Composite parent, String text) {
        for (Control c : parent.getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Button b && text.equals(b.getText())) {
                return b;
            }
            if (c instanceof org.eclipse.swt.widgets.Composite inner) {
                org.eclipse.swt.widgets.Button b = find(inner, text);
                if (b != null) {
                    return b;
                }
            }
        }
        return null;
    }

    private static Shell window(EModelService models, MApplication app) {
        return (Shell) ((MWindow) models.find("org.openionm.ui.window.main", app)).getWidget();
    }

    private static void perspective(MApplication app, String id) {
        IEclipseContext c = app.getContext();
        ParameterizedCommand command = c.get(ECommandService.class).createCommand("org.openionm.ui.command.perspective",
                Map.of("org.openionm.ui.commandparameter.perspective", id));
        c.get(EHandlerService.class).executeHandler(command);
    }

    /** The Live perspective with the Events tab shown, and the status bar alone. */
    private static void liveAndStatusPictures(Display display, EModelService models, MApplication app, Path shots,
            String suffix) {
        settle(display);
        Shell shell = window(models, app);
        save(capture(shell, shell.getClientArea()), shots.resolve("event-entry" + suffix + ".png"));
        Control bar = (Control) ((MTrimBar) models.find("org.openionm.ui.trimbar.status", app)).getWidget();
        Rectangle b = display.map(bar.getParent(), shell, bar.getBounds());
        save(capture(shell, b), shots.resolve("status-bar-case" + suffix + ".png"));
    }

    /** A demo case in progress with a few entries and a running recording, and older cases in the list. */
    private static TestCaseWorkbench demoCase() {
        TestCaseWorkbench s = new TestCaseWorkbench();
        s.addCase(details("Roe^Richard", "777001", LocalDate.of(1958, 7, 2), Sex.MALE, "carotid endarterectomy", "", Side.LEFT),
                CaseState.CLOSED, Instant.parse("2026-11-24T07:45:00Z"));
        s.addCase(details("Miller^Anna", "880245", LocalDate.of(1990, 1, 9), Sex.FEMALE, "thyroidectomy", "", Side.BILATERAL),
                CaseState.CLOSED, Instant.parse("2026-12-01T12:10:00Z"));
        MonitoringCase demo = s.addCase(details("Doe^Jane", "123456", LocalDate.of(1961, 3, 14), Sex.FEMALE,
                "posterior spinal fusion", "T10–L2", Side.MIDLINE), CaseState.IN_PROGRESS, Instant.parse("2026-12-07T07:30:00Z"), true);
        s.current = demo;
        Instant start = Instant.parse("2026-12-07T07:42:00Z");
        s.seed(EventType.POSITIONING, Map.of("position", "prone"), "", 95, start.plusSeconds(95), "Demo technologist");
        s.seed(EventType.BASELINE_CAPTURED, Map.of("modality", "ssep"), "", 410, start.plusSeconds(410), "Demo technologist");
        s.seed(EventType.INCISION, Map.of(), "", 1310, start.plusSeconds(1310), "Demo technologist");
        s.seed(EventType.SCREW_PLACEMENT, Map.of("level", "T11", "side", "left"), "EMG threshold 14 mA", 2288,
                start.plusSeconds(2288), "Demo technologist");
        s.seed(EventType.SURGEON_INFORMED, Map.of("informed", "Dr. Smith", "by", "Demo technologist", "response",
                "screw redirected"), "left TcMEP amplitude −60 %", 2410, start.plusSeconds(2410), "Demo technologist");
        s.caseTime = 2475;
        s.recording = new RecordingStatus(true, Path.of("/data/cases/C0003/C0003-1.bdf"), 12_400_000, 2475, 11_400, "");
        return s;
    }

    private static CaseDetails details(String name, String mrn, LocalDate birth, Sex sex, String procedure, String levels, Side side) {
        return new CaseDetails(new Patient(name, mrn, birth, sex), new Procedure(procedure, "", levels, side), null,
                List.of(new TeamMember(TeamRole.SURGEON, "Dr. Adam Smith", "MD"),
                        new TeamMember(TeamRole.TECHNOLOGIST, "Demo technologist", "")), TestCaseWorkbench.SPINE);
    }

    private static List<String> ids(List<? extends MUIElement> elements) {
        return elements.stream().map(MUIElement::getElementId).toList();
    }

    private static String label(EModelService models, MApplication app, String id) {
        MToolControl control = (MToolControl) models.find(id, app);
        return control.getObject() instanceof PolledLabel l && l.label() != null ? l.label().getText() : "";
    }

    /** Lets layout and paint finish before a picture. */
    private static void settle(Display display) {
        long until = System.currentTimeMillis() + 1500;
        while (System.currentTimeMillis() < until) {
            if (!display.readAndDispatch()) {
                display.update();
            }
        }
    }

    /** What the screen shows of {@code area} (in the shell's coordinates): the X server's pixels, as a user sees them. */
    private static ImageData capture(Shell shell, Rectangle area) {
        Display display = shell.getDisplay();
        Rectangle onScreen = display.map(shell, null, area);
        Image image = new Image(display, onScreen.width, onScreen.height);
        GC gc = new GC(display);
        try {
            gc.copyArea(image, onScreen.x, onScreen.y);
            return image.getImageData();
        } finally {
            gc.dispose();
            image.dispose();
        }
    }

    private static void save(ImageData data, Path file) {
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] { data };
        loader.save(file.toString(), SWT.IMAGE_PNG);
    }

}
