package org.openionm.readingroom.view;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.openionm.readingroom.ConnectionState;

/**
 * What a case column says about its data: "live", or "connection lost since 14:03:12 (OR offline)" in
 * the reader's time zone — the reader must never take a frozen screen for a quiet case.
 *
 * @since 0.2.0
 */
public final class ConnectionText {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private ConnectionText() {
    }

    public static String of(ConnectionState state, ZoneId zone) {
        if (state.connected()) {
            return "live";
        }
        String why = state.reason().isBlank() ? "" : " (" + state.reason() + ")";
        return "connection lost since " + CLOCK.format(state.lostSince().atZone(zone)) + why;
    }
}
