package org.openionm.review;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.openionm.core.processing.AverageTrace;

/**
 * The evoked averages to show at the review cursor: for each site and channel, the last average the
 * processors completed at or before the cursor — recomputed from the raw data by the re-analysis,
 * never a copy of what the OR screen showed. An average completed after the cursor used sweeps the
 * reader has not reached yet, so it is not shown; before the first average a channel shows nothing.
 *
 * @since 0.2.0
 */
public final class AveragesAtCursor {

    private AveragesAtCursor() {
    }

    /** The averages current at {@code cursorSeconds}, in the order their site/channel first appeared. */
    public static List<AverageTrace> at(List<AverageTrace> averages, double cursorSeconds) {
        Map<String, AverageTrace> latest = new LinkedHashMap<>();
        for (AverageTrace a : averages) {
            String key = a.modality() + "\u0000" + a.site() + "\u0000" + a.channel();
            AverageTrace held = latest.get(key);
            if (held == null && a.timeSeconds() > cursorSeconds) {
                latest.put(key, null); // keeps the channel's place in the order
            } else if (a.timeSeconds() <= cursorSeconds && (held == null || a.timeSeconds() >= held.timeSeconds())) {
                latest.put(key, a);
            }
        }
        List<AverageTrace> shown = new ArrayList<>();
        latest.values().stream().filter(a -> a != null).forEach(shown::add);
        return shown;
    }
}
