package org.openionm.core.processing;

import java.util.Objects;

/**
 * One measured quantity: a component of an evoked response (latency and amplitude), or any other
 * value a modality measures, such as an EMG train time or a stimulation threshold, an EEG SEF95.
 * Every measurement has a generic {@link #value} with its {@link #unit}, so a reader (the
 * {@code analyze} JSON, a report, a trend) can show any modality's numbers without knowing it.
 *
 * @param timeSeconds    case time of the data it was measured on (the end of the average or epoch)
 * @param modality       processor id, e.g. {@code "ssep"}
 * @param site           stimulation site, screw or nerve, e.g. {@code "median.left"}, {@code "L4.left"};
 *                       empty where the quantity has none (free-running EMG, EEG)
 * @param channel        recording channel label (or derivation, e.g. {@code "C3-O1"})
 * @param component      e.g. {@code "N20"}, {@code "onset"}, {@code "trainTime"}, {@code "threshold"}, {@code "SEF95"}
 * @param latencyMs      latency after the stimulus; {@code NaN} for a non-evoked quantity
 * @param amplitudeUv    amplitude in microvolts (peak-to-peak where the component defines it so);
 *                       {@code NaN} for a non-evoked quantity
 * @param value          the component's value: for an evoked component its amplitude in µV
 * @param unit           UCUM code of {@link #value}: {@code "uV"}, {@code "s"}, {@code "mA"}, {@code "Hz"},
 *                       {@code "%"}, {@code "1"} for a ratio (see {@link Units})
 * @param sweepsUsed     sweeps in the average (0 where not averaged)
 * @param sweepsRejected sweeps rejected while building it
 * @param provenance     how it was produced
 */
public record Measurement(double timeSeconds, String modality, String site, String channel, String component,
        double latencyMs, double amplitudeUv, double value, String unit, int sweepsUsed, int sweepsRejected,
        Provenance provenance) {

    public Measurement {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(component, "component");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(provenance, "provenance");
    }

    /**
     * An evoked component: its generic value is the amplitude in µV.
     *
     * @since 0.2.0
     */
    public Measurement(double timeSeconds, String modality, String site, String channel, String component,
            double latencyMs, double amplitudeUv, int sweepsUsed, int sweepsRejected, Provenance provenance) {
        this(timeSeconds, modality, site, channel, component, latencyMs, amplitudeUv, amplitudeUv, Units.MICROVOLT,
                sweepsUsed, sweepsRejected, provenance);
    }

    /**
     * A quantity that is not an evoked component (train time, threshold, SEF95…): no latency, no
     * amplitude, not averaged.
     *
     * @since 0.3.0
     */
    public static Measurement quantity(double timeSeconds, String modality, String site, String channel,
            String component, double value, String unit, Provenance provenance) {
        return new Measurement(timeSeconds, modality, site, channel, component, Double.NaN, Double.NaN, value, unit, 0,
                0, provenance);
    }

    /**
     * Whether this is an evoked component with a latency after the stimulus.
     *
     * @since 0.3.0
     */
    public boolean isEvoked() {
        return !Double.isNaN(latencyMs);
    }
}
