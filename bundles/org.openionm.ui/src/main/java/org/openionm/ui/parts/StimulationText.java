package org.openionm.ui.parts;

import java.math.BigDecimal;
import java.math.RoundingMode;

import org.openionm.core.processing.ScreenNames;
import org.openionm.core.processing.Units;
import org.openionm.core.stimulation.PeriodicStimulation;

/**
 * Stimulation as the field writes it: "4.7 Hz", "3.17 Hz", a train every 30 s as "2/min" (rates below
 * 1 Hz per minute), "350 V", "200 µs" — never the double's full expansion
 * ("0.03333333333333333 Hz", issue 16). Plain Java, tested without a display.
 */
final class StimulationText {

    private StimulationText() {
    }

    /** A rate: 0 is "on demand"; below 1 Hz per minute with one decimal at most; else Hz with two at most. */
    static String rate(double hz) {
        if (hz == 0) {
            return "on demand";
        }
        if (hz < 1) {
            return number(hz * 60, 1) + "/min";
        }
        return number(hz, 2) + " Hz";
    }

    /** {@code value} rounded to at most {@code decimals}, trailing zeros dropped: 350.0 → "350", 4.70 → "4.7". */
    static String number(double value, int decimals) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        BigDecimal d = BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    /** One site for the Setup part, e.g. "TcMEP C3→C4: 2/min, train, 350 V, 50 µs, train of 5 at 3 ms". */
    static String describe(PeriodicStimulation p) {
        String unit = Units.display(p.unit());
        String ramp = p.rampStep() > 0 ? ", ramp +" + number(p.rampStep(), 2) + " " + unit + " to " + number(p.rampMax(), 2)
                + " " + unit : "";
        String train = p.pulseCount() > 1 ? ", train of " + p.pulseCount() + " at " + number(p.interPulseIntervalMs(), 2) + " ms"
                : "";
        // the declared kind: it decides what pauses around what
        return ScreenNames.site(p.siteId()) + ": " + rate(p.rateHz()) + ", " + p.kind().token() + ", " + number(p.intensity(), 2) + " " + unit
                + ", " + number(p.pulseWidthMicros(), 1) + " µs" + train + ramp;
    }
}
