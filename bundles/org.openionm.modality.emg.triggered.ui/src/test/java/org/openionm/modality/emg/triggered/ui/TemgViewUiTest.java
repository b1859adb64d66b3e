package org.openionm.modality.emg.triggered.ui;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;

/**
 * The t-EMG view fed as the processor feeds it (from another thread, in the processor's order):
 * the site table's rows, band texts and colours, a later ramp replacing a site's row, and the ramp
 * control calling the stimulator with the chosen site.
 */
class TemgViewUiTest {

    static final Provenance P = new Provenance("emg.triggered test", Map.of());
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** What the processor publishes for one stimulus with a first CMAP in {@code muscle}. */
    static void threshold(TemgModel m, double t, String site, String muscle, double mA, Priority priority, String reading) {
        float[] trace = new float[200];
        for (int i = 0; i < 40; i++) {
            trace[60 + i] = (float) (150 * Math.sin(2 * Math.PI * i / 40));
        }
        m.average(new AverageTrace(t, "emg.triggered", site, muscle, trace, 5000, 1, 0, P));
        m.measurement(new Measurement(t, "emg.triggered", site, muscle, "CMAP", 12, 300, 1, 0, P));
        m.measurement(Measurement.quantity(t, "emg.triggered", site, muscle, "threshold", mA, "mA", P));
        m.trend(new TrendPoint(t, "emg.triggered", site + "/threshold", mA, "mA"));
        if (priority != null) {
            m.alarm(new AlarmCondition(t, "emg.triggered", site, muscle, "t-EMG threshold " + reading, priority, true,
                    "threshold " + mA + " mA at " + site + " (" + muscle + "): " + reading, "preset lumbar", P));
        }
    }

    @Test
    void sitesAreListedWithThresholdMuscleAndTheirBandsColourAndTheRampControlCallsTheStimulator() throws Exception {
        TemgModel model = new TemgModel();
        List<String> calls = new ArrayList<>();
        RampControl ramps = new RampControl() {
            @Override public List<String> rampSites() { return List.of("screw.L5.left", "screw.S1.left"); }
            @Override public void startRamp(String site) { calls.add("start " + site); }
            @Override public void stopRamp(String site) { throw new IllegalArgumentException("no ramp stimulation site '" + site + "'"); }
        };
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(900, 700);
        TemgView view = new TemgView(shell, model, ramps);
        shell.open();
        Thread processing = new Thread(() -> {
            model.acquisitionStarted();
            threshold(model, 2.5, "screw.L5.left", "EHL-L", 3.2, Priority.HIGH, "breach likely");
            threshold(model, 5.1, "screw.S1.left", "Gastroc-L", 6, Priority.MEDIUM, "breach possible");
            threshold(model, 9.7, "screw.S1.right", "Gastroc-R", 8.4, null, null);
            threshold(model, 11.0, "facial.left", "Facial-1", 0.1, null, null);
        }, "openionm-consumer-test");
        processing.start();
        processing.join();
        view.refresh();

        TableItem[] items = view.table().getItems();
        assertEquals(4, items.length);
        assertArrayEquals(new String[] { "facial", "left", "0.1 mA", "Facial-1", "no alarm", "0:00:11" }, texts(items[0]));
        assertArrayEquals(new String[] { "L5", "left", "3.2 mA", "EHL-L", "HIGH: breach likely", "0:00:02" }, texts(items[1]));
        assertArrayEquals(new String[] { "S1", "left", "6 mA", "Gastroc-L", "MEDIUM: breach possible", "0:00:05" }, texts(items[2]));
        assertArrayEquals(new String[] { "S1", "right", "8.4 mA", "Gastroc-R", "no alarm", "0:00:09" }, texts(items[3]));
        assertEquals(TemgView.HIGH, items[1].getBackground(4).getRGB());
        assertEquals(TemgView.MEDIUM, items[2].getBackground(4).getRGB());
        assertEquals(TemgView.NONE, items[3].getBackground(4).getRGB());

        // the L5 left screw redirected: a new ramp's threshold above the bands, the HIGH alarm cleared
        Thread again = new Thread(() -> {
            threshold(model, 40, "screw.L5.left", "EHL-L", 12, null, null);
            model.alarm(new AlarmCondition(40, "emg.triggered", "screw.L5.left", "EHL-L", "t-EMG threshold breach likely",
                    Priority.HIGH, false, "threshold 12 mA at screw.L5.left (EHL-L): no breach", "preset lumbar", P));
        }, "openionm-consumer-test");
        again.start();
        again.join();
        view.refresh();
        assertArrayEquals(new String[] { "L5", "left", "12 mA", "EHL-L", "no alarm", "0:00:40" }, texts(view.table().getItem(1)));
        assertEquals(TemgView.NONE, view.table().getItem(1).getBackground(4).getRGB());
        assertEquals(List.of("EHL-L", "Gastroc-L", "Gastroc-R", "Facial-1"), model.muscles());

        assertArrayEquals(new String[] { "screw.L5.left", "screw.S1.left" }, view.siteCombo().getItems());
        view.siteCombo().select(1);
        view.startButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals(List.of("start screw.S1.left"), calls);
        assertEquals("Ramp started at screw.S1.left", view.statusText());
    }

    private static String[] texts(TableItem item) {
        String[] t = new String[6];
        for (int i = 0; i < t.length; i++) {
            t[i] = item.getText(i);
        }
        return t;
    }
}
