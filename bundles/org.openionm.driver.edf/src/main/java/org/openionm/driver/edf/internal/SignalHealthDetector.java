package org.openionm.driver.edf.internal;

import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DriverHealth;

/**
 * Derives an amplifier's technical reports from the signal of a recording that carries none (one
 * made elsewhere, without OpenIONM's {@code HEALTH} annotations): a channel flat for a second is
 * reported as lead off, a sample at the edge of the channel's physical range as saturation (channels
 * of role OTHER, e.g. a BDF "Status" trigger channel, are not judged). A live
 * amplifier measures impedance instead; from a file only the signal is left.
 */
final class SignalHealthDetector {

    /** About as long as an amplifier's own lead-off check; shorter flat stretches are left alone. */
    static final double FLAT_SECONDS = 1.0;
    /** Peak-to-peak below any real electrode's noise floor (≈ 1 µV and more): nothing is connected. */
    static final double FLAT_RANGE_UV = 0.5;
    /** Saturation clears after this long without a sample at the rail (as the simulator reports it). */
    static final double RAIL_HOLD_SECONDS = 0.05;

    private final List<Channel> channels;
    private final double rate;
    private final long flatSamples;
    private final long holdSamples;
    private final long[] runStart;
    private final float[] runMin;
    private final float[] runMax;
    private final boolean[] flat;
    private final boolean[] railed;
    private final long[] lastRail;

    SignalHealthDetector(List<Channel> channels, double rate) {
        this.channels = channels;
        this.rate = rate;
        this.flatSamples = Math.max(1, Math.round(FLAT_SECONDS * rate));
        this.holdSamples = Math.max(1, Math.round(RAIL_HOLD_SECONDS * rate));
        int n = channels.size();
        runStart = new long[n];
        runMin = new float[n];
        runMax = new float[n];
        flat = new boolean[n];
        railed = new boolean[n];
        lastRail = new long[n];
        java.util.Arrays.fill(runStart, -1);
    }

    /** Looks at one block (samples from {@code first}, µV) and reports what changed, at the sample where it was seen. */
    void inspect(long first, float[][] data, Consumer<DriverHealth> report) {
        for (int c = 0; c < data.length; c++) {
            Channel ch = channels.get(c);
            if (ch.role().equals(ChannelRole.OTHER)) {
                continue; // trigger, status or DC channels are flat by nature: only electrodes are judged
            }
            double margin = 1e-6 * (ch.physicalMax() - ch.physicalMin()); // decoded rails carry float rounding
            float[] x = data[c];
            for (int i = 0; i < x.length; i++) {
                long index = first + i;
                float v = x[i];
                followFlatness(c, index, v, report);
                if (!flat[c] && (v >= ch.physicalMax() - margin || v <= ch.physicalMin() + margin)) {
                    if (!railed[c]) {
                        railed[c] = true;
                        report.accept(new DriverHealth(DriverHealth.Condition.SATURATION, c, true, index,
                                ch.label() + " at the edge of its recorded range (derived from the signal)"));
                    }
                    lastRail[c] = index;
                } else if (railed[c] && index - lastRail[c] > holdSamples) {
                    railed[c] = false;
                    // reported where it is seen (the rail ended a hold time ago), never before data already handed on
                    report.accept(new DriverHealth(DriverHealth.Condition.SATURATION, c, false, index, String.format(
                            Locale.ROOT, "%s back within range since %.3f s", ch.label(), (lastRail[c] + 1) / rate)));
                }
            }
        }
    }

    private void followFlatness(int c, long index, float v, Consumer<DriverHealth> report) {
        if (runStart[c] >= 0) {
            runMin[c] = Math.min(runMin[c], v);
            runMax[c] = Math.max(runMax[c], v);
        }
        if (runStart[c] < 0 || runMax[c] - runMin[c] > FLAT_RANGE_UV) {
            if (flat[c]) {
                flat[c] = false;
                report.accept(new DriverHealth(DriverHealth.Condition.LEAD_OFF, c, false, index,
                        channels.get(c).label() + " shows a signal again"));
            }
            runStart[c] = index;
            runMin[c] = v;
            runMax[c] = v;
        } else if (!flat[c] && index - runStart[c] + 1 >= flatSamples) {
            flat[c] = true;
            if (railed[c]) { // the electrode being off explains the rail: one condition, one alarm
                railed[c] = false;
                report.accept(new DriverHealth(DriverHealth.Condition.SATURATION, c, false, index, channels.get(c).label()));
            }
            report.accept(new DriverHealth(DriverHealth.Condition.LEAD_OFF, c, true, index, String.format(Locale.ROOT,
                    "%s flat (< %.1f µV peak-to-peak) since %.3f s (derived from the signal)", channels.get(c).label(),
                    FLAT_RANGE_UV, runStart[c] / rate)));
        }
    }

    /** Samples are missing from {@code index} on: a flat run does not continue across the gap. */
    void gap() {
        java.util.Arrays.fill(runStart, -1);
    }
}
