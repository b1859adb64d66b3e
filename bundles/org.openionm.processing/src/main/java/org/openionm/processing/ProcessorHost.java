package org.openionm.processing;

import java.util.List;
import java.util.Map;

import org.openionm.core.processing.SettingDescriptor;

/**
 * Runs every installed {@link org.openionm.core.processing.ModalityProcessor} on the acquisition's
 * data and fans their results out. Processors are found in the service registry (whiteboard): a
 * modality feature that is installed appears here, one that is removed disappears.
 *
 * <p>Threading rule: processors and {@link ResultListener}s are only ever called on the processing
 * thread — one call at a time, never on the thread of a caller of this interface (the UI's). Calls
 * that reach a processor ({@link #moveMarker}) are handed to that thread.
 */
public interface ProcessorHost {

    /** Ids of the processors that will run on the next acquisition, sorted. */
    List<String> processorIds();

    /**
     * The processor's name for people, e.g. "SSEP".
     *
     * @throws IllegalArgumentException no such processor is installed
     */
    String displayName(String processorId);

    /**
     * The settings the processor declares, in its own order, each with unit, range, default and the
     * source of the default: what a generic editor shows without knowing the modality.
     *
     * @throws IllegalArgumentException no such processor is installed
     */
    List<SettingDescriptor> settings(String processorId);

    /**
     * The values the next acquisition will start the processor with: every declared default,
     * overlaid with the overrides of the last {@link #configure}; sorted by key. Each value has the
     * type of its {@link SettingDescriptor.Kind}: {@code Double}, {@code String} (an option id or a
     * text) or {@code Boolean} (before 0.2.0 all were {@code Double}).
     *
     * @throws IllegalArgumentException no such processor is installed
     */
    Map<String, Object> effectiveSettings(String processorId);

    /**
     * The overrides the last {@link #configure} gave (or restored from the saved settings): what to
     * pass to {@code configure} to keep them while changing one more.
     *
     * @throws IllegalArgumentException no such processor is installed
     */
    Map<String, Object> overrides(String processorId);

    /**
     * Replaces the overrides of one processor's settings from the next acquisition start on; a
     * running acquisition keeps the values it started with. Keys left out take their default, so an
     * empty map restores every default. Nothing is applied unless every value is valid. Values are
     * given in the type of their kind ({@link SettingDescriptor#validate(Object)}; any {@code Number}
     * for a number); text is read with {@link SettingDescriptor#parse(String)} first.
     *
     * @throws IllegalArgumentException for an unknown processor or key, or a value its descriptor
     *                                  refuses (the message names the setting and what it allows)
     * @throws IllegalStateException    the values apply, but could not be saved for the next start
     *                                  (e.g. a full disk): the message says so
     */
    void configure(String processorId, Map<String, ?> overrides);

    /**
     * Captures every running processor's baseline when the data reach {@code caseTimeSeconds} (at
     * once if they already have): in live use "now", in a replay a chosen time.
     */
    void captureBaselineAt(double caseTimeSeconds);

    /**
     * Hands a marker the user moved to its processor ({@link
     * org.openionm.core.processing.ModalityProcessor#moveMarker}); the re-measured result reaches the
     * listeners like any other. The processor is called on the processing thread, never the
     * caller's: during an acquisition between two data items (as {@link #captureBaselineAt}), with
     * none running (a stopped replay's last average) on the host's own processing thread. The caller
     * waits for the result at most about 2 s.
     *
     * @throws IllegalArgumentException      unknown processor, or no such result or component
     * @throws UnsupportedOperationException the processor's markers are not placed by hand
     * @throws IllegalStateException         the processing did not take the call in time (e.g. a live
     *                                       amplifier delivers nothing): nothing was changed
     */
    org.openionm.core.processing.Measurement moveMarker(String processorId, String site, String channel, String component,
            double latencyMs);

    /**
     * The recent averages of one site and channel a baseline may be formed of ({@link
     * org.openionm.core.processing.ModalityProcessor#baselineCandidates}), on the case clock; asked on
     * the processing thread, the caller waits at most about 2 s.
     *
     * @throws IllegalArgumentException unknown processor
     * @throws IllegalStateException    the processing did not take the call in time
     * @since 0.4.0
     */
    default java.util.List<org.openionm.core.processing.BaselineCandidate> baselineCandidates(String processorId,
            String site, String channel) {
        return java.util.List.of();
    }

    /**
     * Captures the baseline of one site and channel from the averages the user chose (times on the
     * case clock, as {@link #baselineCandidates} gave them) at the current case time; the listeners
     * hear the new baseline like any other. Runs on the processing thread; the caller waits at most
     * about 2 s.
     *
     * @throws IllegalArgumentException      unknown processor, site, channel or average time
     * @throws UnsupportedOperationException the processor does not take chosen averages
     * @throws IllegalStateException         the processing did not take the call in time: nothing changed
     * @since 0.4.0
     */
    default void captureBaseline(String processorId, org.openionm.core.processing.BaselineChoice choice) {
        throw new UnsupportedOperationException("this host cannot capture a baseline from chosen averages");
    }

    void addListener(ResultListener listener);

    void removeListener(ResultListener listener);
}
