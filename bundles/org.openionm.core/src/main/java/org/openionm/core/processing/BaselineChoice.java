package org.openionm.core.processing;

import java.util.List;
import java.util.Objects;

/**
 * The averages a user chose to form the baseline of one site and channel, instead of the latest
 * ones (issue 16, item 7): named by their completion times ({@link BaselineCandidate#timeSeconds()}),
 * with who chose them, for the baseline's provenance.
 *
 * @param averageTimesSeconds completion times of the chosen averages, at least one
 * @param chosenBy            the user who chose them (the logged-in clinician)
 * @since 0.4.0
 */
public record BaselineChoice(String site, String channel, List<Double> averageTimesSeconds, String chosenBy) {

    public BaselineChoice {
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(channel, "channel");
        averageTimesSeconds = List.copyOf(averageTimesSeconds);
        if (averageTimesSeconds.isEmpty()) {
            throw new IllegalArgumentException("a baseline of " + site + " " + channel + " needs at least one chosen average");
        }
        if (chosenBy == null || chosenBy.isBlank()) {
            throw new IllegalArgumentException("who chose the averages of " + site + " " + channel + " must be named");
        }
    }

    /** The same choice on another time base (the host moves it from the case clock to the processor's). */
    public BaselineChoice shifted(double bySeconds) {
        return new BaselineChoice(site, channel, averageTimesSeconds.stream().map(t -> t + bySeconds).toList(), chosenBy);
    }
}
