package org.openionm.modality.emg.freerun.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.Test;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;
import org.openionm.ui.widgets.trace.TraceBuffer;

/** The model shows what was published; the view's counters and list say it. */
class FreeRunViewTest {

    static final Provenance PRELL = new Provenance("emg.freerun test", Map.of("alarm.traintime.preset", "prell2007",
            "alarm.traintime.prell.mild.s", "0.5", "alarm.traintime.prell.severe.s", "10"));
    static final Provenance QUOTED = new Provenance("emg.freerun test", Map.of("alarm.traintime.preset", "quoted2.5",
            "alarm.traintime.quoted.s", "2.5"));

    static Measurement trainTime(String channel, double seconds, Provenance p) {
        return Measurement.quantity(10, "emg.freerun", "", channel, "trainTime", seconds, "s", p);
    }

    @Test
    void continuingTheCaseKeepsCountersAndFindingsAFreshStartClearsThem() {
        FreeRunModel model = new FreeRunModel();
        model.measurement(trainTime("Facial-1", 2.4, PRELL));
        model.event(new DetectedEvent(8, 2.4, "emg.freerun", "Facial-1", "A-train", 150, PRELL));
        model.acquisitionContinued(130, 100);
        assertTrue(model.drain());
        assertEquals(2.4, model.counters().get(0).trainTimeSeconds(), "the counter stays until the continued count arrives");
        assertEquals(1, model.events().size(), "the findings of the case stay");
        model.measurement(trainTime("Facial-1", 3.1, PRELL)); // carried on by the processor: 2.4 s + 0.7 s
        model.drain();
        assertEquals(3.1, model.counters().get(0).trainTimeSeconds());
        model.acquisitionStarted();
        model.drain();
        assertEquals(List.of(), model.counters(), "a fresh start clears the counters");
        assertEquals(List.of(), model.events(), "and the findings");
    }

    @Test
    void countersTakeTheirThresholdsFromTheProvenanceAndTheCauteryState() {
        FreeRunModel model = new FreeRunModel();
        model.measurement(trainTime("Facial-1", 0.3, PRELL));
        model.measurement(trainTime("Facial-2", 11.2, PRELL));
        model.measurement(trainTime("Vastus-L", 3, QUOTED));
        model.measurement(Measurement.quantity(10, "mep", "", "APB-L", "trainTime", 99, "s", PRELL)); // not ours
        model.trend(new TrendPoint(12, "emg.freerun", "Facial-1/cautery", 1, "1"));
        assertTrue(model.drain());
        List<FreeRunModel.Counter> c = model.counters();
        assertEquals(List.of("Facial-1", "Facial-2", "Vastus-L"), c.stream().map(FreeRunModel.Counter::channel).toList());
        assertEquals(FreeRunModel.Level.BELOW, c.get(0).level());
        assertTrue(c.get(0).cautery());
        assertEquals(FreeRunModel.Level.SEVERE, c.get(1).level());
        assertEquals("11.2 s", c.get(1).text());
        assertEquals(FreeRunModel.Level.SEVERE, c.get(2).level(), "3 s is past the quoted 2.5 s");
        assertTrue(c.get(2).thresholdsText().contains("not sourced"), c.get(2).thresholdsText());
        model.trend(new TrendPoint(14, "emg.freerun", "Facial-1/cautery", 0, "1"));
        model.measurement(trainTime("Facial-1", 0.8, PRELL));
        model.drain();
        assertEquals(FreeRunModel.Level.MILD, model.counters().get(0).level());
        assertTrue(!model.counters().get(0).cautery());
    }

    @Test
    void anATrainIsMarkedFromItsOnsetWhileItLastsUntilItsEventArrives() {
        FreeRunModel model = new FreeRunModel();
        model.trend(new TrendPoint(5.5, "emg.freerun", "Facial-2/aTrain", 1, "1")); // recognised: running since 5.5 s
        model.drain();
        assertEquals(List.of(new FreeRunModel.ATrainMark("Facial-2", 5.5, Double.NaN)), model.aTrainsInProgress());
        assertTrue(model.aTrainsInProgress().get(0).running());
        model.trend(new TrendPoint(9.5, "emg.freerun", "Facial-2/aTrain", 0, "1")); // ended, its event not yet out
        model.drain();
        assertEquals(List.of(new FreeRunModel.ATrainMark("Facial-2", 5.5, 9.5)), model.aTrainsInProgress());
        model.event(new DetectedEvent(5.5, 4, "emg.freerun", "Facial-2", "A-train", 160, PRELL));
        model.drain();
        assertEquals(List.of(), model.aTrainsInProgress(), "the event replaces the mark");
        assertEquals(1, model.events().size());
    }

    @Test
    void theStripDrawsARunningATrainUpToTheNewestSample() {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(1000, 700);
            FreeRunView view = new FreeRunView(shell);
            shell.open();
            FreeRunModel model = new FreeRunModel();
            model.measurement(trainTime("Facial-1", 0, PRELL));
            model.trend(new TrendPoint(6, "emg.freerun", "Facial-1/aTrain", 1, "1"));
            model.drain();
            TraceBuffer buffer = new TraceBuffer(1, 1000, 12);
            buffer.append(0, new float[1][10_000]); // 0–10 s: the strip shows 0–10 s, the train runs from 6 s
            view.refresh(model, buffer, List.of("Facial-1"));
            org.eclipse.swt.graphics.ImageData img = org.openionm.ui.widgets.trace.CanvasSnapshot.repaintAndCapture(view.strips,
                    view.strips::paintCount);
            int columns = view.strips.getClientArea().width - StripCanvas.LABEL_WIDTH;
            org.eclipse.swt.graphics.RGB red = StripCanvas.colour("A-train");
            int y = 3; // the findings' bar along the top of the row
            assertEquals(red, org.openionm.ui.widgets.trace.CanvasSnapshot.rgb(img, StripCanvas.LABEL_WIDTH + columns - 2, y),
                    "the bar reaches the newest sample");
            assertEquals(red, org.openionm.ui.widgets.trace.CanvasSnapshot.rgb(img, StripCanvas.LABEL_WIDTH + (int) (0.65 * columns), y),
                    "6.5 s is in the train");
            assertTrue(!red.equals(org.openionm.ui.widgets.trace.CanvasSnapshot.rgb(img, StripCanvas.LABEL_WIDTH + (int) (0.5 * columns), y)),
                    "5 s is before its onset");
        } finally {
            shell.dispose();
        }
    }

    @Test
    void theViewShowsCountersAndTheDischargeList() {
        Display display = Display.getDefault();
        Shell shell = new Shell(display);
        try {
            shell.setLayout(new FillLayout());
            shell.setSize(1000, 700);
            FreeRunView view = new FreeRunView(shell);
            shell.open();
            FreeRunModel model = new FreeRunModel();
            model.measurement(trainTime("Facial-2", 11.2, PRELL));
            model.measurement(trainTime("Facial-1", 0, PRELL));
            model.event(new DetectedEvent(5.5, 4, "emg.freerun", "Facial-2", "A-train", 160, PRELL));
            model.event(new DetectedEvent(9.25, 0.003, "emg.freerun", "Facial-1", "spike", 98, PRELL));
            model.drain();
            TraceBuffer buffer = new TraceBuffer(2, 1000, 12);
            float[][] rows = new float[2][10_000];
            for (int i = 0; i < 10_000; i++) {
                rows[1][i] = (float) (150 * Math.sin(2 * Math.PI * 120 * i / 1000.0));
            }
            buffer.append(0, rows);
            view.refresh(model, buffer, List.of("Facial-1", "Facial-2"));
            while (display.readAndDispatch()) {
                // let it paint
            }
            List<String> counters = view.counterTexts();
            assertEquals(2, counters.size());
            assertTrue(counters.get(0).startsWith("Facial-2 · train time 11.2 s ABOVE ALARM"), counters.get(0));
            assertTrue(counters.get(1).startsWith("Facial-1 · train time 0.0 s"), counters.get(1));
            assertEquals(2, view.list.getItemCount());
            assertEquals("spike", view.list.getItem(0).getText(2), "newest first");
            assertEquals("00:00:05.5", view.list.getItem(1).getText(0));
            assertEquals("160 µV", view.list.getItem(1).getText(4));
        } finally {
            shell.dispose();
        }
    }
}
