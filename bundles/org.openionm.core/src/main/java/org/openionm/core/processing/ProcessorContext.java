package org.openionm.core.processing;

import java.util.List;
import java.util.Map;

import org.openionm.core.model.Channel;

/**
 * What a processor receives at start: the channels of this acquisition, its effective settings and
 * where to send its results.
 */
public interface ProcessorContext {

    /** All channels of the acquisition; a processor picks those whose role it accepts. */
    List<Channel> channels();

    /**
     * Effective value of every declared setting, by key (defaults already applied), in the type of its
     * {@link SettingDescriptor.Kind}: {@code Double}, {@code String} (option id or text) or
     * {@code Boolean}. Before 0.2.0 every value was a {@code Double}.
     */
    Map<String, ?> settings();

    /**
     * The effective value of a number setting.
     *
     * @throws IllegalArgumentException no such setting, or it is not a number
     * @since 0.2.0
     */
    default double number(String key) {
        return SettingValues.wrap(settings()).number(key);
    }

    /**
     * The id of the chosen option of a choice setting.
     *
     * @since 0.2.0
     */
    default String choice(String key) {
        return SettingValues.wrap(settings()).choice(key);
    }

    /**
     * The effective value of an on/off setting.
     *
     * @since 0.2.0
     */
    default boolean flag(String key) {
        return SettingValues.wrap(settings()).flag(key);
    }

    /**
     * The effective value of a text setting.
     *
     * @since 0.2.0
     */
    default String text(String key) {
        return SettingValues.wrap(settings()).text(key);
    }

    ProcessorOutput output();

    /**
     * Who produced a result, for its {@link Provenance}: the processor's id and the version of the
     * bundle it was installed from, as the host knows it (e.g. {@code "ssep 0.2.0.v20261204-1200"}),
     * so a number in a report names the exact code that made it. Outside a host (tests) the id
     * alone is not known here: {@code "unversioned"}.
     *
     * @since 0.2.0
     */
    default String producer() {
        return "unversioned";
    }

    /**
     * The stimulator of the running acquisition, for a processor that needs a stimulus now (a repeat
     * TcMEP train) or must stop a ramp (triggered EMG at threshold). Without one (file analysis, plain
     * tests) every request is refused with a message.
     *
     * @since 0.3.0
     */
    default org.openionm.core.stimulation.StimulatorControl stimulator() {
        return org.openionm.core.stimulation.StimulatorControl.NONE;
    }

    /**
     * Whether this acquisition continues the case of the one before (the user chose "Continue this
     * case"): a processor that keeps clinical state — baselines, their provenance, the alarm state
     * and anything the trends are measured against — keeps it instead of starting over, and only
     * what belongs to the data (pending sweeps, running averages) starts anew. False for a fresh
     * start and outside a host. A processor's times stay those of its own acquisition's samples
     * (index / rate); the host moves what it publishes onto the continued case clock.
     *
     * @since 0.4.0
     */
    default boolean continuesCase() {
        return false;
    }
}
