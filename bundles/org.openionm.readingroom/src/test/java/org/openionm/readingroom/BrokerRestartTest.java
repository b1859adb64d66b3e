package org.openionm.readingroom;

import org.openionm.testkit.MosquittoServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.readingroom.ReadingRoomFixture.await;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openionm.readingroom.ReadingRoomFixture.Or;

/**
 * The broker killed (SIGKILL) and restarted mid-case: the OR goes on (its callbacks never wait), it and
 * the reader reconnect with back-off, the reader shows the loss, nothing of QoS 1 is lost (the reader's
 * history request after reconnecting fills what the outage held back), and every trace frame is either
 * received or reported inside a gap.
 */
class BrokerRestartTest {

    @Test
    void nothingOfQos1IsLostAndFrameGapsAreReported() throws Exception {
        try (MosquittoServer broker = MosquittoServer.start()) {
            BrokerSettings settings = BrokerSettings.of(broker.uri(), "x");
            int channels = 8;
            try (Or or = Or.start(settings, "C-R"); ReadingRoom reader = ReadingRoom.connect(settings.withClientId("reader-r"))) {
                assertTrue(or.publisher().awaitConnected(10_000));
                assertTrue(reader.awaitConnected(10_000));
                CaseModel m = reader.open("C-R");
                await("the reader subscribed (descriptor arrived)", 10_000, () -> m.descriptor().isPresent());
                or.publisher().onStart("test", ReadingRoomFixture.channels(channels));
                long sample = 0;
                for (; sample < 4_000; sample += 100) { // 2 s
                    or.publisher().onBlock(ReadingRoomFixture.block(channels, sample, 100));
                }
                or.raise(1, "CP1");
                or.publisher().logEntry(1.5, "Incision", "", "tech");
                await("phase 1 at the reader", 10_000, () -> m.alarms().size() == 1 && m.events().size() == 1);

                broker.kill();
                await("the reader shows the loss", 10_000, () -> !m.connection().connected());
                assertNotNull(m.connection().lostSince());
                // the OR must know too: a frame handed to Paho before its link saw the loss is neither sent nor counted
                await("the OR shows the loss", 10_000, () -> !or.publisher().stats().connected());
                for (; sample < 8_000; sample += 100) { // 2 s of trace while the broker is away: frames dropped
                    or.publisher().onBlock(ReadingRoomFixture.block(channels, sample, 100));
                }
                or.raise(2, "CP2");
                or.clear(3, "CP1");
                or.publisher().logEntry(3.5, "Screw placement", "L4 left", "tech");
                assertFalse(or.publisher().stats().connected());

                broker.restart();
                assertTrue(or.publisher().awaitConnected(30_000), "the OR reconnects");
                assertTrue(reader.awaitConnected(30_000), "the reader reconnects");
                await("the reader's case is connected again", 30_000, () -> m.connection().connected());
                or.raise(4, "CP3");
                for (; sample < 10_000; sample += 100) {
                    or.publisher().onBlock(ReadingRoomFixture.block(channels, sample, 100));
                }
                or.publisher().onStop("end");

                List<String> expected = or.log().stream().map(ReadingRoomFixture::entry).toList();
                await("every alarm entry at the reader", 20_000, () -> m.alarms().size() == expected.size());
                assertEquals(expected, m.alarms().stream().map(ReadingRoomFixture::entry).toList());
                await("both event-log entries", 20_000, () -> m.events().size() == 2);
                assertEquals(List.of("Incision", "Screw placement"), m.events().stream().map(e -> e.text("type")).toList());
                await("no QoS 1 gap left open", 20_000, () -> m.gaps().stream().allMatch(g -> g.stream().equals(Topics.TRACE)));

                // 10 000 samples in frames of 100 (50 ms at 2 kHz): 100 frames, numbered 1..100
                await("the last frame", 20_000, () -> lastFrameSeen(m, 100));
                List<SequenceGap> frameGaps = m.gaps();
                long missing = frameGaps.stream().mapToLong(SequenceGap::count).sum();
                assertTrue(missing >= 40, "the 2 s outage (40 frames) is reported as gaps: " + frameGaps);
                assertEquals(100, m.traceFramesReceived() + missing, "every frame received or inside a reported gap: " + frameGaps);
                assertTrue(or.publisher().stats().framesDropped() >= 40, or.publisher().stats().toString());
            }
        }
    }

    private static boolean lastFrameSeen(CaseModel m, long last) {
        long missing = m.gaps().stream().mapToLong(SequenceGap::count).sum();
        return m.traceFramesReceived() + missing == last;
    }
}
