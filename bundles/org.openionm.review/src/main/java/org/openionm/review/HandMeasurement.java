package org.openionm.review;

import java.util.Locale;

import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.ScreenNames;

/**
 * A latency and amplitude read by hand with two cursors on an average: the latency of the first
 * (the peak the reader points at) and the amplitude between the two (peak to trough), both snapped to
 * the sample under the cursor, so what is logged is a value of the trace, not of the mouse.
 *
 * @param modality   processor id of the average
 * @param site       stimulation site
 * @param channel    recording channel
 * @param atSeconds  case time of the average (when it was completed)
 * @param latencyMs  latency of cursor 1 (sample 0 is the stimulus)
 * @param valueUv    the average at cursor 1
 * @param secondMs   latency of cursor 2
 * @param secondUv   the average at cursor 2
 * @since 0.2.0
 */
public record HandMeasurement(String modality, String site, String channel, double atSeconds, double latencyMs, double valueUv,
        double secondMs, double secondUv) {

    /** Reads an average at two latencies (ms after the stimulus); each is snapped to the nearest sample within the trace. */
    public static HandMeasurement read(AverageTrace average, double cursor1Ms, double cursor2Ms) {
        int i = sampleAt(average, cursor1Ms);
        int j = sampleAt(average, cursor2Ms);
        double msPerSample = 1000 / average.samplingRateHz();
        return new HandMeasurement(average.modality(), average.site(), average.channel(), average.timeSeconds(), i * msPerSample,
                average.samplesUv()[i], j * msPerSample, average.samplesUv()[j]);
    }

    /** The index of the sample nearest {@code ms} after the stimulus, kept within the trace. */
    public static int sampleAt(AverageTrace average, double ms) {
        long i = Math.round(ms * average.samplingRateHz() / 1000);
        return (int) Math.max(0, Math.min(average.samplesUv().length - 1, i));
    }

    /** Peak-to-peak amplitude between the two cursors (always ≥ 0). */
    public double amplitudeUv() {
        return Math.abs(valueUv - secondUv);
    }

    /** What the audit trail and the event log say: "ssep tibial-L Cz'-Fz at 0:12:00.0: latency 40.20 ms, amplitude 1.85 µV (cursors at 40.20 and 48.00 ms)". */
    public String describe() {
        return String.format(Locale.ROOT, "%s %s %s at %s: latency %.2f ms, amplitude %.2f µV (cursors at %.2f and %.2f ms)",
                modality, site, channel, ReviewWindow.clock(atSeconds), latencyMs, amplitudeUv(), latencyMs, secondMs);
    }

    /**
     * What was measured as a person reads it: "SSEP L tibial Cz'-Fz", "TcMEP C4→C3 APB-L" (the ids stay in
     * {@link #describe()}, the logged text).
     *
     * @since 0.2.1
     */
    public String where() {
        return ScreenNames.where(modality, site, channel, "");
    }

    /**
     * {@link #describe()} as the screen shows it, the ids read as names: "SSEP L tibial Cz'-Fz at 0:12:00.0: latency
     * 40.20 ms, amplitude 1.85 µV (cursors at 40.20 and 48.00 ms)".
     *
     * @since 0.2.1
     */
    public String screenText() {
        return String.format(Locale.ROOT, "%s at %s: latency %.2f ms, amplitude %.2f µV (cursors at %.2f and %.2f ms)",
                where(), ReviewWindow.clock(atSeconds), latencyMs, amplitudeUv(), latencyMs, secondMs);
    }
}
