package org.openionm.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.stimulation.PeriodicStimulation;
import org.openionm.core.stimulation.StimulationProgram;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * Issue 16, item 10: the intensity fields of the running program, on the real engine and the simulated
 * amplifier (constant current up to 100 mA, constant voltage up to 1000 V): bounded by the amplifier's
 * declared outputs, applied to the engine, ramps left to their program.
 */
class IntensityEditorUiTest {

    private Shell shell;
    private AcquisitionEngine engine;

    @AfterEach
    void close() {
        if (engine != null) {
            engine.stop();
        }
        if (shell != null) {
            shell.dispose();
        }
    }

    private static <T> T service(Class<T> type) throws InterruptedException {
        BundleContext ctx = FrameworkUtil.getBundle(IntensityEditorUiTest.class).getBundleContext();
        ServiceTracker<T, T> tracker = new ServiceTracker<>(ctx, type, null);
        tracker.open();
        return tracker.waitForService(20_000);
    }

    @Test
    void eachSiteGetsAFieldBoundedByItsStimulatorAndAChangeReachesTheEngine() throws Exception {
        engine = service(AcquisitionEngine.class);
        assertNotNull(engine, "the acquisition engine's DS component");
        long deadline = System.currentTimeMillis() + 20_000;
        while (engine.driver("simulator").isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(50); // the whiteboard collects the simulator's DS service
        }
        AmplifierDriver simulator = engine.driver("simulator").orElseThrow();
        engine.start(simulator, new AcquisitionConfig(5000, 16, true), new StimulationProgram(List.of(
                PeriodicStimulation.ssep("median.left", 3.17, 25, 200), PeriodicStimulation.tcmepTrain("tcmep.C3C4", 350, 5, 3),
                PeriodicStimulation.ramp("screw.L5.left", 4.7, 0.5, 0.4, 20).startedOnDemand()), 50));

        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        List<String> refusals = new ArrayList<>();
        IntensityEditor editor = new IntensityEditor(shell, refusals::add);
        editor.show(engine, engine.status().stimulation().sites(), simulator.capabilities().stimulators());
        shell.setSize(600, 200);
        shell.open();

        List<String> names = new ArrayList<>();
        for (var c : editor.control().getChildren()) {
            if (c instanceof org.eclipse.swt.widgets.Label l) {
                names.add(l.getText());
            }
        }
        assertTrue(names.contains("L median") && names.contains("TcMEP C3→C4"), "sites by name (issue 16): " + names);
        assertTrue(names.stream().noneMatch(n -> n.contains("tcmep.") || n.contains("median.left")), "no site ids: " + names);

        List<Spinner> fields = editor.spinners();
        assertEquals(2, fields.size(), "median and TcMEP; the ramp keeps its program's start, step and maximum");
        Spinner median = fields.get(0);
        Spinner tcmep = fields.get(1);
        assertEquals(250, median.getSelection(), "25.0 mA");
        assertEquals(1000, median.getMaximum(), "100 mA: the simulator's constant-current output");
        assertEquals(3500, tcmep.getSelection(), "350.0 V");
        assertEquals(10_000, tcmep.getMaximum(), "1000 V: the simulator's constant-voltage output");
        assertEquals(0, tcmep.getMinimum());

        tcmep.setSelection(4250); // what the arrows or typing and Enter leave there
        tcmep.notifyListeners(SWT.DefaultSelection, new Event());
        median.setSelection(325);
        median.notifyListeners(SWT.Selection, new Event());
        List<PeriodicStimulation> now = engine.status().stimulation().sites();
        assertEquals(425.0, now.get(1).intensity(), "the engine fires the next train at 425 V");
        assertEquals(32.5, now.get(0).intensity());
        assertEquals(0.5, now.get(2).intensity(), "the ramp untouched");
        assertEquals(List.of(), refusals);

        // the same program shown again keeps the fields (and their values)
        editor.show(engine, now, simulator.capabilities().stimulators());
        assertTrue(editor.spinners().get(1) == tcmep && tcmep.getSelection() == 4250);

        engine.stop();
        tcmep.setSelection(4000);
        tcmep.notifyListeners(SWT.Selection, new Event());
        assertEquals(1, refusals.size());
        assertTrue(refusals.get(0).startsWith("Cannot set the intensity of TcMEP C3→C4: no acquisition is running"),
                refusals.get(0));
    }
}
