package org.openionm.readingroom.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.openionm.readingroom.ConnectionState;

class ConnectionTextTest {

    @Test
    void liveWhileConnected() {
        assertEquals("live", ConnectionText.of(new ConnectionState(true, "live", null, ""), ZoneId.of("UTC")));
    }

    @Test
    void theMomentOfTheLossInTheReadersZoneAndWhy() {
        Instant lost = Instant.parse("2026-12-05T13:03:12.700Z");
        assertEquals("connection lost since 14:03:12 (OR offline)",
                ConnectionText.of(new ConnectionState(true, "offline", lost, "OR offline"), ZoneId.of("Europe/Berlin")));
        assertEquals("connection lost since 13:03:12",
                ConnectionText.of(new ConnectionState(false, "live", lost, ""), ZoneId.of("UTC")));
    }
}
