package org.openionm.readingroom;

import java.time.Instant;
import java.util.Objects;

/**
 * Whether a case's data are flowing: the reader's own link to the broker and the OR's (its retained
 * status, "offline" being the OR's MQTT will). {@code lostSince} is when the first of them was lost
 * (null while connected), for "connection lost since hh:mm:ss".
 *
 * @since 0.2.0
 */
public record ConnectionState(boolean readerConnected, String orStatus, Instant lostSince, String reason) {

    public ConnectionState {
        Objects.requireNonNull(orStatus, "orStatus");
        reason = Objects.requireNonNullElse(reason, "");
    }

    public boolean connected() {
        return lostSince == null;
    }
}
