package org.openionm.ui.widgets.evoked;

import org.openionm.core.processing.AlarmCondition.Priority;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.ScrolledComposite;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.openionm.ui.widgets.evoked.EvokedModel.Tile;

/**
 * One tile per site or muscle, created as data arrive: heading, waterfall, trend summary and trend
 * chart. A display timer drains the {@link EvokedFeed} and repaints only the tiles whose data
 * changed, so results never cost one {@code asyncExec} each.
 */
public class EvokedView extends Composite {

    static final int FRAME_MS = 100;
    static final int TILE_MIN_WIDTH = 240;
    /**
     * Above this many tiles the view is compact: trend charts hidden (the summary line keeps the
     * latest value, baseline and alarm line), tiles narrower, so 16 muscles of a lower-limb TcMEP
     * montage are seen together with little scrolling (issue 16).
     */
    public static final int COMPACT_ABOVE_TILES = 8;
    static final int COMPACT_TILE_MIN_WIDTH = 180;
    static final int ROW_HEIGHT = 44;
    static final int CHART_HEIGHT = 84;

    /** The controls of one tile. */
    public static final class TileControl {
        final Composite composite;
        final Label title;
        final WaterfallCanvas waterfall;
        final Label summary;
        final TrendChart chart;
        long shownRevision = -1;
        RGB shownBackground;
        /** Highest priority of the alarms listed for this tile, null when none. */
        Priority alarm;

        TileControl(Composite parent, Tile tile, EvokedRules rules) {
            composite = new Composite(parent, SWT.BORDER);
            composite.setLayout(new GridLayout(1, false));
            title = new Label(composite, SWT.NONE);
            title.setData("org.eclipse.e4.ui.css.CssClassName", "Heading");
            title.setText(tile.title());
            title.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            waterfall = new WaterfallCanvas(composite, SWT.NONE);
            waterfall.setMarkerLabels(rules::markerLabel);
            waterfall.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            summary = new Label(composite, SWT.WRAP);
            GridData wrap = new GridData(SWT.FILL, SWT.CENTER, true, false);
            wrap.widthHint = 100; // wrap to the tile width instead of widening it
            summary.setLayoutData(wrap);
            chart = new TrendChart(composite, SWT.NONE);
            GridData c = new GridData(SWT.FILL, SWT.FILL, true, false);
            c.heightHint = CHART_HEIGHT;
            chart.setLayoutData(c);
            chart.setToolTipText("Trend over case time (minutes): amplitude in the trace colour (left axis, µV), latency in the"
                    + " marker colour (right axis, ms); dashed: baseline; dotted: alarm threshold of the preset");
            // the outline is drawn in the layout's margin, around the tile's contents
            composite.addListener(SWT.Paint, e -> {
                if (alarm != null) {
                    org.eclipse.swt.graphics.Rectangle area = composite.getClientArea();
                    org.eclipse.swt.graphics.Color colour = new org.eclipse.swt.graphics.Color(EvokedColors.alarm(alarm));
                    e.gc.setForeground(colour);
                    e.gc.setLineWidth(4);
                    e.gc.drawRectangle(area.x + 2, area.y + 2, area.width - 4, area.height - 4);
                }
            });
        }

        /** Highest priority of the tile's listed alarms, null when none (tests). @since 0.3.0 */
        public Priority alarm() {
            return alarm;
        }

        void setAlarm(Priority priority) {
            if (priority != alarm) {
                alarm = priority;
                composite.redraw();
            }
        }

        public WaterfallCanvas waterfall() { return waterfall; }

        public TrendChart chart() { return chart; }

        public Label summary() { return summary; }

        /** Whether the trend chart is shown (hidden in a compact view). */
        public boolean chartShown() { return chart.getVisible(); }

        void setCompact(boolean compact) {
            GridData c = (GridData) chart.getLayoutData();
            if (c.exclude != compact) {
                c.exclude = compact;
                chart.setVisible(!compact);
            }
        }

        void update(Tile tile) {
            RGB bg = chart.getBackground().getRGB();
            if (tile.revision() == shownRevision && bg.equals(shownBackground)) {
                return;
            }
            shownRevision = tile.revision();
            shownBackground = bg;
            int rows = Math.max(1, tile.rows().size());
            // preferred height small, the rest of the part's height goes to the waterfalls: all tiles
            // fit on screen when they can, and the view scrolls only below this
            ((GridData) waterfall.getLayoutData()).heightHint = rows * ROW_HEIGHT + WaterfallCanvas.AXIS_HEIGHT;
            waterfall.setRows(tile.rows());
            String text = tile.series().stream().map(EvokedText::summary).collect(Collectors.joining("   ·   "));
            summary.setText(text.isEmpty() ? "No trend yet" : text);
            chart.setTraceColour(waterfall.getForeground().getRGB());
            chart.show(tile.series());
        }
    }

    private final EvokedModel model;
    private final EvokedFeed feed;
    private final Label header;
    private final Composite toolbar;
    private final ScrolledComposite scroller;
    private final Composite content;
    private final Map<String, TileControl> controls = new LinkedHashMap<>();
    private Map<String, Priority> alarms = Map.of();
    private String waiting = "";
    private MarkerMover mover;
    /** A refused marker move, said in the header for {@link #NOTICE_MS}. */
    private String notice = "";
    private long noticeUntil;
    static final int NOTICE_MS = 10_000;

    public EvokedView(Composite parent, EvokedRules rules, EvokedFeed feed) {
        super(parent, SWT.NONE);
        this.model = new EvokedModel(rules);
        this.feed = feed;
        setLayout(new GridLayout(2, false));
        // wraps rather than being cut when the part is narrow (issue 16: "Waiting for SSEP av" at 1280×800)
        header = new Label(this, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        toolbar = new Composite(this, SWT.NONE);
        toolbar.setLayout(new org.eclipse.swt.layout.RowLayout());
        scroller = new ScrolledComposite(this, SWT.V_SCROLL);
        scroller.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        scroller.setExpandHorizontal(true);
        scroller.setExpandVertical(true);
        content = new Composite(scroller, SWT.NONE);
        content.setLayout(new GridLayout(1, true));
        scroller.setContent(content);
        scroller.addListener(SWT.Resize, e -> relayout());
        getDisplay().timerExec(FRAME_MS, this::frame);
    }

    /** Room right of the header for a modality's own controls (e.g. firing a TcMEP train). */
    public Composite toolbar() {
        return toolbar;
    }

    public EvokedModel model() {
        return model;
    }

    /**
     * Makes the markers of every tile draggable (when the modality's rules allow it); a refused move
     * is said in the header.
     */
    public void setMarkerMover(MarkerMover mover) {
        checkWidget();
        this.mover = model.rules().markersMovable() ? mover : null;
        controls.values().forEach(this::connect);
    }

    private void connect(TileControl c) {
        c.waterfall.setMarkerMover(mover, this::showNotice);
    }

    private void showNotice(String text) {
        notice = text;
        noticeUntil = System.currentTimeMillis() + NOTICE_MS;
        sync();
    }

    /** Shown while no result has arrived, e.g. "Waiting for SSEP averages". */
    public void setWaitingText(String text) {
        waiting = text;
        header.setText(text);
        layout(); // the header was laid out for the text before
    }

    /** What the header says now (for tests). */
    public String headerText() {
        return header.getText();
    }

    /** Tile controls in display order (sorted by tile key), for tests. */
    public List<TileControl> tileControls() {
        return new java.util.TreeMap<>(controls).values().stream().toList();
    }

    /**
     * Outlines the tiles in alarm in their priority colour (IEC 60601-1-8), so the muscle or site of
     * an alarm is seen on the tiles, not only in the banner.
     *
     * @param byTile highest priority of the listed alarms by tile key ({@link EvokedRules#tileOf})
     * @since 0.3.0
     */
    public void setAlarms(Map<String, Priority> byTile) {
        checkWidget();
        alarms = Map.copyOf(byTile);
        controls.forEach((key, c) -> c.setAlarm(alarms.get(key)));
    }

    /** Drains the feed and updates the tiles now (the timer does this at display rate). */
    public void pump() {
        checkWidget();
        boolean changed = feed.drainInto(model);
        if (changed || controls.size() != model.tiles().size() || themeChanged()) {
            sync();
        }
    }

    private boolean themeChanged() {
        return controls.values().stream().anyMatch(c -> !c.chart.getBackground().getRGB().equals(c.shownBackground));
    }

    private void frame() {
        if (isDisposed()) {
            return;
        }
        pump();
        getDisplay().timerExec(FRAME_MS, this::frame);
    }

    private void sync() {
        List<Tile> tiles = model.tiles();
        java.util.Set<String> keys = tiles.stream().map(Tile::key).collect(Collectors.toSet());
        controls.entrySet().removeIf(e -> {
            boolean gone = !keys.contains(e.getKey()); // a new acquisition cleared the model
            if (gone) {
                e.getValue().composite.dispose();
            }
            return gone;
        });
        boolean added = false;
        for (Tile t : tiles) {
            if (!controls.containsKey(t.key())) { // tiles only ever append: arrival order is kept
                TileControl c = new TileControl(content, t, model.rules());
                connect(c);
                c.setAlarm(alarms.get(t.key()));
                controls.put(t.key(), c);
                added = true;
            }
        }
        if (added) {
            // a stable place per site or muscle (left and right side by side), whatever came first
            TileControl previous = null;
            for (String key : new java.util.TreeSet<>(controls.keySet())) {
                TileControl c = controls.get(key);
                if (previous == null) {
                    c.composite.moveAbove(null);
                } else {
                    c.composite.moveBelow(previous.composite);
                }
                previous = c;
            }
            // new widgets need the theme's CSS before their colours are read
            content.reskin(SWT.ALL);
        }
        for (Tile t : tiles) {
            controls.get(t.key()).update(t);
        }
        String text = tiles.isEmpty() ? waiting : tiles.size() + (tiles.size() == 1 ? " tile" : " tiles")
                + (compact() ? " (compact: trend charts hidden)" : "")
                + "  ·  dashed: baseline  ·  hover: provenance" + (mover != null ? "  ·  drag a marker to move it" : "");
        if (System.currentTimeMillis() < noticeUntil) {
            text = notice + "  ·  " + text;
        }
        if (feed.dropped() > 0) {
            text += "  ·  " + feed.dropped() + " results not shown (display overloaded)";
        }
        header.setText(text);
        relayout();
    }

    /** Whether the view shows its tiles compact (more than {@link #COMPACT_ABOVE_TILES}). */
    public boolean compact() {
        return controls.size() > COMPACT_ABOVE_TILES;
    }

    private void relayout() {
        int width = scroller.getClientArea().width;
        boolean compact = compact();
        int columns = Math.max(1, Math.min(Math.max(1, controls.size()),
                width / (compact ? COMPACT_TILE_MIN_WIDTH : TILE_MIN_WIDTH)));
        GridLayout layout = (GridLayout) content.getLayout();
        if (layout.numColumns != columns) {
            layout.numColumns = columns;
        }
        for (TileControl c : controls.values()) {
            c.composite.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
            c.setCompact(compact);
        }
        Point size = content.computeSize(width, SWT.DEFAULT);
        // A scroller of no height yet (a tab created before it is shown) would get its scroll bar
        // for this size in no room: GTK lays the bar out with a negative length (issue 15). Its
        // first resize calls this again.
        if (scroller.getSize().y > 0) {
            scroller.setMinSize(size);
        }
        layout(true, true);
    }
}
