package org.openionm.alarm;

import java.util.Objects;

/**
 * Who responded to an alarm, when (case time) and why.
 *
 * @param user        user name as shown in the audit trail
 * @param timeSeconds case time
 * @param note        free text, empty when none was given
 */
public record Acknowledgement(String user, double timeSeconds, String note) {

    public Acknowledgement {
        Objects.requireNonNull(user, "user");
        if (user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
        note = note == null ? "" : note;
    }
}
