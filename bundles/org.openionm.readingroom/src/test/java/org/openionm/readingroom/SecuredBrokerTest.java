package org.openionm.readingroom;

import org.openionm.testkit.MosquittoServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.readingroom.ReadingRoomFixture.await;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openionm.readingroom.ReadingRoomFixture.Or;

/**
 * TLS (the client verifies the broker against a CA generated for the test), password authentication
 * and per-case ACLs at the broker: a wrong password gets no connection, and a reader assigned to case
 * A gets nothing of case B.
 */
class SecuredBrokerTest {

    static final String ACL = """
            # the ORs publish their cases and answer readers
            user or-station
            topic readwrite openionm/v1/case/#
            topic write openionm/v1/reader/#

            # reader-a is assigned to CASE-A only
            user reader-a
            topic read openionm/v1/case/CASE-A/#
            topic write openionm/v1/case/CASE-A/request
            topic write openionm/v1/case/CASE-A/ack
            topic write openionm/v1/case/CASE-A/chat

            # every reader receives the answers to its own requests (client id = user name)
            pattern read openionm/v1/reader/%u/response
            """;

    @Test
    void wrongPasswordAndUnassignedCaseGetNothing() throws Exception {
        Map<String, String> users = Map.of("or-station", "or-secret-1", "reader-a", "reader-secret-2");
        try (MosquittoServer broker = MosquittoServer.start(true, users, ACL)) {
            BrokerSettings base = BrokerSettings.of(broker.uri(), "x").withCaFile(broker.caFile());
            BrokerSettings orLogin = base.withLogin("or-station", "or-secret-1".toCharArray());
            try (Or a = Or.start(orLogin, "CASE-A"); Or b = Or.start(orLogin, "CASE-B");
                    ReadingRoom reader = ReadingRoom.connect(base.withClientId("reader-a").withLogin("reader-a", "reader-secret-2".toCharArray()));
                    ReadingRoom wrong = ReadingRoom.connect(base.withClientId("reader-a2").withLogin("reader-a", "guess".toCharArray()))) {
                assertTrue(a.publisher().awaitConnected(10_000), "OR over TLS with password");
                assertTrue(b.publisher().awaitConnected(10_000));
                assertTrue(reader.awaitConnected(10_000), "reader over TLS: " + reader.lastError());
                await("the wrong password is refused", 10_000, () -> !wrong.lastError().isEmpty());
                assertFalse(wrong.connected());
                assertTrue(wrong.lastError().contains("not authorized"), wrong.lastError());
                assertFalse(wrong.lastError().contains("guess"), "no credentials in messages");

                CaseModel ma = reader.open("CASE-A");
                CaseModel mb = reader.open("CASE-B");
                CaseModel wa = wrong.open("CASE-A");
                await("case A's descriptor", 10_000, () -> ma.descriptor().isPresent());
                b.raise(1, "CP1");
                b.raise(2, "CP2");
                b.publisher().logEntry(2.5, "Incision", "", "tech");
                assertTrue(b.publisher().awaitDrained(10_000));
                a.raise(3, "CP3"); // published after everything of B was accepted by the broker
                List<String> expected = a.log().stream().map(ReadingRoomFixture::entry).toList();
                await("case A's alarm at the reader", 10_000, () -> ma.alarms().size() == expected.size());
                assertEquals(expected, ma.alarms().stream().map(ReadingRoomFixture::entry).toList());

                assertEquals(List.of(), mb.alarms(), "nothing of case B");
                assertEquals(List.of(), mb.events());
                assertTrue(mb.descriptor().isEmpty());
                assertEquals(0, mb.traceFramesReceived());
                assertEquals(List.of(), wa.alarms(), "nothing with a wrong password");
                assertTrue(wa.descriptor().isEmpty());
            }
        }
    }
}
