package org.openionm.processing.internal;

import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.TrendPoint;

/**
 * Moves a processor's result from its acquisition's own time base (sample index / rate) onto the
 * case clock: an acquisition that continues the case starts at a later case time, and no processor
 * needs to know (issue 16). A shift of 0 returns the result itself.
 */
final class CaseTimeShift {

    private CaseTimeShift() {
    }

    static Measurement of(Measurement m, double by) {
        return by == 0 ? m : new Measurement(m.timeSeconds() + by, m.modality(), m.site(), m.channel(), m.component(),
                m.latencyMs(), m.amplitudeUv(), m.value(), m.unit(), m.sweepsUsed(), m.sweepsRejected(), m.provenance());
    }

    static AverageTrace of(AverageTrace a, double by) {
        return by == 0 ? a : new AverageTrace(a.timeSeconds() + by, a.modality(), a.site(), a.channel(), a.samplesUv(),
                a.samplingRateHz(), a.sweepsUsed(), a.sweepsRejected(), a.provenance());
    }

    static TrendPoint of(TrendPoint p, double by) {
        return by == 0 ? p : new TrendPoint(p.timeSeconds() + by, p.modality(), p.series(), p.value(), p.unit());
    }

    static DetectedEvent of(DetectedEvent e, double by) {
        return by == 0 ? e : new DetectedEvent(e.timeSeconds() + by, e.durationSeconds(), e.modality(), e.channel(),
                e.kind(), e.peakUv(), e.provenance());
    }

    static AlarmCondition of(AlarmCondition c, double by) {
        return by == 0 ? c : new AlarmCondition(c.timeSeconds() + by, c.modality(), c.site(), c.channel(), c.criterion(),
                c.priority(), c.active(), c.values(), c.baseline(), c.provenance());
    }
}
