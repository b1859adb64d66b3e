package org.openionm.ui.widgets.evoked;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;

import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmManagers;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;

/** A tile whose site or muscle is in alarm is outlined in the priority colour; the others are not. */
class TileAlarmOutlineTest {

    private static final Provenance PROV = new Provenance("test", Map.of());
    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    /** One tile per site. */
    private static final class SiteRules implements EvokedRules {
        @Override public String modality() { return "ssep"; }
        @Override public String tileOf(String site, String channel) { return site; }
        @Override public String tileTitle(String tile) { return tile; }
        @Override public String rowLabel(String site, String channel) { return channel; }
        @Override public int historyDepth() { return 3; }
        @Override public TrendTarget trendTarget(TrendPoint point) { return null; }
        @Override public double threshold(Axis axis, double baseline, Provenance provenance) { return Double.NaN; }
    }

    private static AlarmCondition alarm(String site, Priority p, String modality) {
        return new AlarmCondition(100, modality, site, "CPz-Fpz", "rule", p, true, "P37 1.0 uV (-63 %)", "", PROV);
    }

    @Test
    void theTileOfTheSiteInAlarmIsOutlinedInThePriorityColour() {
        Display display = Display.getDefault();
        shell = new Shell(display);
        shell.setLayout(new FillLayout());
        shell.setSize(900, 600);
        EvokedFeed feed = new EvokedFeed("ssep");
        EvokedView view = new EvokedView(shell, new SiteRules(), feed);
        shell.open();
        for (String site : new String[] { "median.left", "tibial.left" }) {
            feed.average(new AverageTrace(90, "ssep", site, "CPz-Fpz", new float[200], 5000, 300, 0, PROV));
        }
        view.pump();

        AlarmManager alarms = AlarmManagers.create();
        alarms.onCondition(alarm("tibial.left", Priority.MEDIUM, "ssep"));
        alarms.onCondition(new AlarmCondition(101, "ssep", "tibial.left", "CP3-Fpz", "rule 2", Priority.HIGH, true, "", "",
                PROV));
        alarms.onCondition(alarm("median.left", Priority.HIGH, "mep")); // another modality's alarm: not this view's
        Map<String, Priority> byTile = EvokedPart.tilesInAlarm(alarms.snapshot(), new SiteRules());
        assertEquals(Map.of("tibial.left", Priority.HIGH), byTile, "the highest priority of the tile's alarms");

        view.setAlarms(byTile);
        EvokedView.TileControl median = view.tileControls().get(0);
        EvokedView.TileControl tibial = view.tileControls().get(1);
        assertNull(median.alarm());
        assertEquals(Priority.HIGH, tibial.alarm());
        RGB red = EvokedColors.alarm(Priority.HIGH);
        assertEquals(red, pixelInOutline(display, tibial.composite, red::equals), "outlined in IEC red");
        assertNotEquals(red, pixelInOutline(display, median.composite, c -> !red.equals(c)), "no outline without an alarm");

        view.setAlarms(Map.of());
        assertNull(tibial.alarm(), "the outline goes with the alarm");
        assertNotEquals(red, pixelInOutline(display, tibial.composite, c -> !red.equals(c)));
    }

    /**
     * The colour as drawn, read again until it is the expected one or 3 s have passed (under a loaded X
     * server the repaint can reach the screen after the first read); the last colour read.
     */
    private static RGB pixelInOutline(Display display, Composite tile, java.util.function.Predicate<RGB> expected) {
        long deadline = System.currentTimeMillis() + 3000;
        RGB rgb = pixelInOutline(display, tile);
        while (!expected.test(rgb) && System.currentTimeMillis() < deadline) {
            rgb = pixelInOutline(display, tile);
        }
        return rgb;
    }

    /** The colour 3 px inside the tile's top-left corner, as drawn. */
    private static RGB pixelInOutline(Display display, Composite tile) {
        tile.redraw();
        tile.update();
        for (int i = 0; i < 20; i++) {
            display.readAndDispatch();
        }
        Image image = new Image(display, tile.getSize().x, tile.getSize().y);
        GC gc = new GC(tile);
        try {
            gc.copyArea(image, 0, 0);
            ImageData data = image.getImageData();
            org.eclipse.swt.graphics.Rectangle area = tile.getClientArea();
            return data.palette.getRGB(data.getPixel(area.x + 3, area.y + area.height / 2));
        } finally {
            gc.dispose();
            image.dispose();
        }
    }
}
