package org.openionm.core.processing;

import java.util.List;
import java.util.Set;

import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.model.StimulusEvent;

/**
 * A modality (SSEP, MEP, EMG, EEG, …) registered as an OSGi service by its plugin bundle. The
 * engine collects every processor service (whiteboard) and feeds it from its own thread, never the
 * UI thread.
 * <p>
 * Lifecycle: {@link #start(ProcessorContext)} once per acquisition, then any interleaving of
 * {@link #onBlock}, {@link #onStimulus} and {@link #onGap} in sample order, then {@link #stop()}.
 */
public interface ModalityProcessor {

    /** Stable identifier, e.g. {@code "ssep"}; duplicates are rejected by the engine. */
    String id();

    /** Name shown to users, e.g. "Somatosensory evoked potentials". */
    String displayName();

    /** Channel roles this processor reads; channels of other roles are not its business. */
    Set<ChannelRole> acceptedRoles();

    /** Every setting the processor honours, with units, ranges, defaults and where the default comes from. */
    List<SettingDescriptor> settings();

    void start(ProcessorContext context);

    void onBlock(SampleBlock block);

    void onStimulus(StimulusEvent event);

    /** Samples that will not arrive; averages spanning the gap must not pretend otherwise. */
    void onGap(DataGap gap);

    void stop();

    /**
     * The amplifier reported a change of its technical state (an input at the rail, a lead off), in
     * sample order with the blocks. Free-running modalities use it to stop judging a channel while it
     * saturates (electrocautery); the alarm manager hears it anyway, so most processors ignore it.
     *
     * @since 0.3.0
     */
    default void onHealth(DriverHealth health) {
    }

    /**
     * Takes the current results as the baseline that later ones are compared with (alarm criteria
     * compare against it). Called by the processing thread, between blocks; a no-op for modalities
     * without baselines.
     */
    default void captureBaseline(double caseTimeSeconds) {
    }

    /**
     * The recent averages of {@code site}/{@code channel} a baseline may be formed of, oldest first,
     * each with its measurement and whether it is an outlier (issue 16, item 7). Called on the
     * processing thread. Empty for modalities without chosen baselines (the default) or when no
     * average is complete.
     *
     * @since 0.4.0
     */
    default java.util.List<BaselineCandidate> baselineCandidates(String site, String channel) {
        return java.util.List.of();
    }

    /**
     * Captures the baseline of one site and channel from the averages the user chose (by their
     * completion times) instead of the latest ones; the baseline's provenance names them, and that
     * the choice was manual and by whom. Called on the processing thread, between blocks.
     *
     * @throws IllegalArgumentException      no such site/channel, or a time that names no recent average
     * @throws UnsupportedOperationException the modality's baselines are not formed of chosen averages
     * @since 0.4.0
     */
    default void captureBaseline(double caseTimeSeconds, BaselineChoice choice) {
        throw new UnsupportedOperationException(id() + " forms its baselines itself: averages cannot be chosen");
    }

    /**
     * The user moved a marker: {@code component} of the current result of {@code site}/{@code channel}
     * is placed at {@code latencyMs}, re-measured there and published again with provenance
     * {@code marker=manual}. May be called from any thread (the implementation synchronises).
     *
     * @return the new measurement of the moved component
     * @throws IllegalArgumentException      no such current result or component, or a latency outside it
     * @throws UnsupportedOperationException the modality's markers are not placed by hand
     */
    default Measurement moveMarker(String site, String channel, String component, double latencyMs) {
        throw new UnsupportedOperationException(displayName() + ": markers are not placed by hand");
    }
}
