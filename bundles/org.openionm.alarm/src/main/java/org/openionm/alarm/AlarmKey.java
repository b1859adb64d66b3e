package org.openionm.alarm;

import java.util.Comparator;
import java.util.Objects;

import org.openionm.core.processing.AlarmCondition;

/**
 * Identity of an alarm: the same criterion on the same site and channel of the same modality is one
 * alarm, however often its processor re-states it.
 *
 * @param modality  processor id, or {@link #TECHNICAL}
 * @param site      stimulation site or empty
 * @param channel   channel label or empty
 * @param criterion preset and rule
 */
public record AlarmKey(String modality, String site, String channel, String criterion) implements Comparable<AlarmKey> {

    /** Modality of alarms raised from amplifier health rather than physiology. */
    public static final String TECHNICAL = "technical";

    private static final Comparator<AlarmKey> ORDER = Comparator.comparing(AlarmKey::modality)
            .thenComparing(AlarmKey::site).thenComparing(AlarmKey::channel).thenComparing(AlarmKey::criterion);

    public AlarmKey {
        Objects.requireNonNull(modality, "modality");
        Objects.requireNonNull(site, "site");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(criterion, "criterion");
    }

    public static AlarmKey of(AlarmCondition condition) {
        return new AlarmKey(condition.modality(), condition.site(), condition.channel(), condition.criterion());
    }

    public boolean technical() {
        return TECHNICAL.equals(modality);
    }

    @Override
    public int compareTo(AlarmKey other) {
        return ORDER.compare(this, other);
    }
}
