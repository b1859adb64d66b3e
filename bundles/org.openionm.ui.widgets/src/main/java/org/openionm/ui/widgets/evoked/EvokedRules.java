package org.openionm.ui.widgets.evoked;

import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.TrendPoint;

/**
 * What a modality's view shows, as display decisions only (no measuring): how results group into
 * tiles, which published trend series are charted and where the alarm threshold line lies. Each
 * modality's {@code .ui} bundle supplies one; everything else is shared.
 */
public interface EvokedRules {

    /** Which trend axis a series belongs to. */
    enum Axis {
        AMPLITUDE, LATENCY
    }

    /**
     * Where a published trend point is charted.
     *
     * @param tile      tile key
     * @param site      stimulation site of the series
     * @param channel   recording channel of the series
     * @param component measured component, as in {@code Measurement.component()}
     * @param axis      amplitude or latency
     * @param label     legend text
     */
    record TrendTarget(String tile, String site, String channel, String component, Axis axis, String label) {
    }

    /** Processor id whose results are shown, e.g. {@code "ssep"}. */
    String modality();

    /** Tile of a result from {@code site} recorded on {@code channel}. */
    String tileOf(String site, String channel);

    /** Heading of a tile. */
    String tileTitle(String tile);

    /** Label of one waterfall row (a site/channel pair inside its tile). */
    String rowLabel(String site, String channel);

    /** Traces kept per row, newest included. */
    int historyDepth();

    /** Marker text of a component on the newest trace, e.g. "N20"; MEP shows "onset". */
    default String markerLabel(String component) {
        return component;
    }

    /** Whether the user may drag markers to re-measure (the processor then places them by hand). */
    default boolean markersMovable() {
        return false;
    }

    /** The chart a published trend point goes to, or null when it is not charted. */
    TrendTarget trendTarget(TrendPoint point);

    /**
     * The alarm threshold for a series whose baseline is {@code baseline}, from the preset in the
     * result's provenance (the view draws the line the processor alarms on); NaN when none applies.
     */
    double threshold(Axis axis, double baseline, Provenance provenance);

    /**
     * {@code baseline} moved by {@code percent} (a setting's text) in {@code direction} (−1 for a
     * decrease criterion, +1 for an increase); NaN when the setting is missing or not a number, so
     * the view draws no line rather than a wrong one.
     */
    static double percentLine(double baseline, String percent, int direction) {
        if (percent == null) {
            return Double.NaN;
        }
        try {
            return baseline * (1 + direction * Double.parseDouble(percent) / 100);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }
}
