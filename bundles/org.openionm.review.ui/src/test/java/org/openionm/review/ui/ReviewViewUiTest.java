package org.openionm.review.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmState;
import org.openionm.core.model.Annotation;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.io.edf.EdfWriter;
import org.openionm.report.CaseAnalysis;
import org.openionm.review.CaseOverview.Kind;
import org.openionm.ui.widgets.trace.CanvasSnapshot;

/**
 * Opens a recording written here (annotations at known samples) in the Review view and reads the
 * overview back: its model and its pixels hold the alarm and event markers where the file has them,
 * a click on a marker puts the cursor at its exact time, the raw traces are drawn, and a re-analysis
 * with known alarms and averages adds its alarm lane, trend rows and the averages at the cursor.
 * Writes target/screenshots/review.png at 1600 × 1000.
 */
class ReviewViewUiTest {

    private static final int RATE = 1000;
    private static final int SECONDS = 600;

    @TempDir
    Path dir;

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** 10 min, 2 channels at 1 kHz; a screw event at 100.25 s, an alarm raised at 300 s, a lead-off at 420 s. */
    static Path recording(Path file) throws IOException {
        List<Channel> channels = List.of(new Channel(0, "APB-L", Channel.MICROVOLT, RATE, -3200, 3200, ChannelRole.EEG),
                new Channel(1, "Cz'-Fz", Channel.MICROVOLT, RATE, -3200, 3200, ChannelRole.EEG));
        try (EdfWriter w = EdfWriter.create(file, EdfFormat.BDF, EdfRecordingInfo.anonymous(LocalDateTime.of(2026, 12, 5, 8, 0)),
                channels, "HP:0Hz LP:0Hz", RATE)) {
            for (int s = 0; s < SECONDS; s++) {
                float[][] block = new float[2][RATE];
                for (int i = 0; i < RATE; i++) {
                    block[0][i] = (float) (40 * Math.sin(2 * Math.PI * 10 * i / RATE));
                    block[1][i] = (float) (20 * Math.sin(2 * Math.PI * 3 * i / RATE));
                }
                w.write(new SampleBlock((long) s * RATE, 0, block));
                if (s == 100) {
                    w.annotation(new Annotation(100_250, 0, "EVENT Screw placement level=L4 side=left", Annotation.Kind.CLINICAL));
                }
                if (s == 300) {
                    w.annotation(new Annotation(300_000, 0, "EVENT Alarm raised alarm=HIGH mep tcmep.C4C3 APB-L amplitude (-62 %)",
                            Annotation.Kind.CLINICAL));
                }
                if (s == 420) {
                    w.annotation(new Annotation(420_000, 0, "HEALTH LEAD_OFF start APB-L", Annotation.Kind.TECHNICAL));
                }
            }
        }
        return file;
    }

    private static ImageData paint(OverviewCanvas c) {
        return CanvasSnapshot.repaintAndCapture(c, c::paintCount);
    }

    @Test
    void aRecordedFileOpensWithItsAlarmAndEventMarkersOnTheOverview() throws Exception {
        Path file = recording(dir.resolve("case-001.bdf"));
        Display display = Display.getDefault();
        shell = new Shell(display);
        ReviewView view = ReviewFixture.openView(shell);
        view.open(file, null);
        ReviewFixture.waitFor(display, view::isOpen, "the recording to open");

        OverviewCanvas overview = view.overviewCanvas();
        assertEquals(SECONDS, overview.overview().durationSeconds());
        assertEquals(List.of(300.0), overview.overview().markers(Kind.ALARM).stream().map(m -> m.seconds()).toList());
        assertEquals(List.of(100.25), overview.overview().markers(Kind.EVENT).stream().map(m -> m.seconds()).toList());
        assertEquals(List.of(420.0), overview.overview().markers(Kind.TECHNICAL).stream().map(m -> m.seconds()).toList());

        // the pixels: each marker in its lane, in its kind's colour, at its time's column
        ImageData pixels = paint(overview);
        assertEquals(OverviewCanvas.COLOURS.get(Kind.ALARM),
                CanvasSnapshot.rgb(pixels, overview.xOf(300), overview.laneY(Kind.ALARM)));
        assertEquals(OverviewCanvas.COLOURS.get(Kind.EVENT),
                CanvasSnapshot.rgb(pixels, overview.xOf(100.25), overview.laneY(Kind.EVENT)));
        assertEquals(OverviewCanvas.COLOURS.get(Kind.TECHNICAL),
                CanvasSnapshot.rgb(pixels, overview.xOf(420), overview.laneY(Kind.TECHNICAL)));
        // nothing red in the alarm lane away from the alarm (at 200 s)
        assertTrue(!OverviewCanvas.COLOURS.get(Kind.ALARM).equals(
                CanvasSnapshot.rgb(pixels, overview.xOf(200), overview.laneY(Kind.ALARM))));

        // the alarm marker's hover text names the source as the OR did (issue 16), not by the ids the recording holds
        hover(overview, overview.xOf(300) + 1, overview.laneY(Kind.ALARM));
        assertEquals("0:05:00.0  Alarm raised HIGH TcMEP C4\u2192C3 APB-L: amplitude (-62 %)", overview.getToolTipText());

        // a click two pixels beside the alarm marker goes to the alarm's exact time; the raw traces follow
        click(overview, overview.xOf(300) + 2, overview.laneY(Kind.ALARM));
        assertEquals(300.0, view.window().cursorSeconds());
        assertEquals(295.0, view.window().startSeconds(), "the 10-s window is centred on the cursor");
        ImageData traces = CanvasSnapshot.repaintAndCapture(view.tracesCanvas(), view.tracesCanvas()::paintCount);
        assertTrue(CanvasSnapshot.count(traces, TracesCanvas.TRACE) > 1000, "raw traces are drawn");
        // a click in the middle of the trend area goes to that time
        click(overview, overview.xOf(150), pixels.height - 40);
        assertEquals(150.0, view.window().cursorSeconds(), overview.overview().durationSeconds() / overview.plotWidth());

        // a re-analysis: its alarm gets its own lane, its trend a row, its averages show at the cursor
        view.showAnalysis(analysis(file));
        assertEquals(List.of(280.0), view.overviewCanvas().overview().markers(Kind.ANALYSIS_ALARM).stream().map(m -> m.seconds()).toList());
        assertEquals(1, view.overviewCanvas().overview().series().size());
        hover(overview, overview.xOf(280), overview.laneY(Kind.ANALYSIS_ALARM));
        assertEquals("0:04:40.0  SSEP L tibial Cz'-Fz: amplitude", overview.getToolTipText());
        pixels = paint(overview);
        assertEquals(OverviewCanvas.COLOURS.get(Kind.ANALYSIS_ALARM),
                CanvasSnapshot.rgb(pixels, overview.xOf(280), overview.laneY(Kind.ANALYSIS_ALARM)));
        view.moveCursor(250);
        AveragesCanvas averages = view.averagesCanvas();
        averages.setCursors(0, 40, 48);
        assertEquals(240.0, averages.measurement().atSeconds(), "the average completed at 240 s is the one current at 250 s");
        assertEquals(2.1, averages.measurement().amplitudeUv(), 1e-6);

        // the what-if beside it: 60 % alarms 40 s earlier
        view.showWhatIf(whatIf(file), Map.of("ssep", Map.of("alarm.amplitude.decrease.percent", 60.0)));
        assertTrue(view.comparisonText().contains("SSEP L tibial Cz'-Fz: 0:04:40.0 → 0:04:00.0 (40.0 s earlier)"), view.comparisonText());
        assertTrue(!view.comparisonText().contains("tibial.left"), "no site id on screen: " + view.comparisonText());

        view.moveCursor(300);
        averages.setCursors(0, 40, 48);
        screenshot(shell);
    }

    private static void hover(OverviewCanvas c, int x, int y) {
        Event e = new Event();
        e.x = x;
        e.y = y;
        c.notifyListeners(SWT.MouseMove, e);
    }

    private static void click(OverviewCanvas c, int x, int y) {
        Event e = new Event();
        e.button = 1;
        e.x = x;
        e.y = y;
        c.notifyListeners(SWT.MouseDown, e);
    }

    private static AlarmLogEntry alarm(double t) {
        return new AlarmLogEntry(1, t, AlarmLogEntry.Event.RAISED, new AlarmKey("ssep", "tibial.left", "Cz'-Fz", "amplitude"), Priority.HIGH,
                AlarmState.ACTIVE_UNACKNOWLEDGED, "", "", "", "", new Provenance("ssep test", Map.of()));
    }

    private static CaseAnalysis analysis(Path file) {
        Provenance p = new Provenance("ssep test", Map.of());
        List<AverageTrace> averages = List.of(average(120, 2.4f, p), average(240, 1.5f, p), average(360, 0.5f, p));
        List<TrendPoint> trends = List.of(new TrendPoint(120, "ssep", "tibial.left/Cz'-Fz/P40 amplitude", 2.4, "uV"),
                new TrendPoint(240, "ssep", "tibial.left/Cz'-Fz/P40 amplitude", 2.1, "uV"),
                new TrendPoint(360, "ssep", "tibial.left/Cz'-Fz/P40 amplitude", 0.9, "uV"));
        return new CaseAnalysis(1, file, SECONDS, 120, "test", Map.of(), Map.of(), List.of(), averages, List.of(), trends, List.of(),
                List.of(alarm(280)), List.of());
    }

    private static CaseAnalysis whatIf(Path file) {
        return new CaseAnalysis(1, file, SECONDS, 120, "test", Map.of(), Map.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                List.of(alarm(240)), List.of());
    }

    /** A P40-like average of 5 kHz: {@code peak} µV at 40 ms, −0.6 µV at 48 ms. */
    private static AverageTrace average(double t, float peak, Provenance p) {
        float[] uv = new float[500];
        for (int i = 0; i < uv.length; i++) {
            uv[i] = (float) (peak * Math.exp(-Math.pow((i - 200) / 12.0, 2)) - 0.6 * Math.exp(-Math.pow((i - 240) / 12.0, 2)));
        }
        uv[200] = peak;
        uv[240] = -0.6f;
        return new AverageTrace(t, "ssep", "tibial.left", "Cz'-Fz", uv, 5000, 300, 4, p);
    }

    private static void screenshot(Shell shell) throws IOException {
        Display display = shell.getDisplay();
        for (int i = 0; i < 20; i++) {
            while (display.readAndDispatch()) {
                // let everything paint
            }
        }
        Path shots = Path.of(System.getProperty("user.dir")).resolve("target/screenshots");
        Files.createDirectories(shots);
        ImageLoader loader = new ImageLoader();
        loader.data = new ImageData[] {CanvasSnapshot.capture(shell)};
        loader.save(shots.resolve("review.png").toString(), SWT.IMAGE_PNG);
    }
}
