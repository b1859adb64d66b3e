package org.openionm.readingroom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.readingroom.ReadingRoomFixture.await;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openionm.readingroom.ReadingRoomFixture.Or;

/** Three ORs, one reader, a real mosquitto on loopback. */
class ThreeOrsOneReaderTest {

    @RegisterExtension
    final LoopbackBroker loopback = new LoopbackBroker();

    @Test
    void everyAlarmOfEveryOrReachesTheReaderInOrder() throws Exception {
        BrokerSettings settings = BrokerSettings.of(loopback.broker().uri(), "x");
        List<Or> ors = List.of(loopback.keep(Or.start(settings, "C-1")), loopback.keep(Or.start(settings, "C-2")),
                loopback.keep(Or.start(settings, "C-3")));
        for (Or or : ors) {
            assertTrue(or.publisher().awaitConnected(10_000), "OR connected");
        }
        ReadingRoom reader = loopback.keep(ReadingRoom.connect(settings.withClientId("reader-1")));
        assertTrue(reader.awaitConnected(10_000));
        await("three live cases listed", 10_000, () -> reader.liveCases().keySet().containsAll(List.of("C-1", "C-2", "C-3")));
        List<CaseModel> models = ors.stream().map(or -> reader.open(or.publisher().descriptor().caseId())).toList();

        // each OR raises, clears and acknowledges its own pattern of alarms: 3 + 4 + 5 channels
        for (int k = 0; k < ors.size(); k++) {
            Or or = ors.get(k);
            for (int ch = 0; ch < 3 + k; ch++) {
                or.raise(10 + ch, "CP" + ch);
            }
            or.clear(30, "CP0");
            or.alarms().acknowledgeAll("tech", 31, "surgeon informed");
            or.raise(40, "CP0");
        }
        for (int k = 0; k < ors.size(); k++) {
            List<String> expected = ors.get(k).log().stream().map(ReadingRoomFixture::entry).toList();
            CaseModel m = models.get(k);
            await("case " + m.caseId() + ": " + expected.size() + " alarm entries", 10_000, () -> m.alarms().size() >= expected.size());
            assertEquals(expected, m.alarms().stream().map(ReadingRoomFixture::entry).toList(), m.caseId());
            assertEquals(List.of(), m.gaps(), "no gap in " + m.caseId());
            assertEquals(ors.get(k).publisher().descriptor(), m.descriptor().orElseThrow());
        }
        assertEquals(3 + 1 + 3 + 1 + 1, models.get(0).alarms().stream().filter(a -> !a.text("event").startsWith("AUDIO")).count(),
                "C-1: 3 raised, 1 cleared, 3 acknowledged, 1 closed, 1 recurred");
        ors.get(1).publisher().close(); // a case that ends leaves the list of live cases
        await("C-2 no longer listed", 10_000, () -> !reader.liveCases().containsKey("C-2"));
        assertEquals(java.util.Set.of("C-1", "C-3"), reader.liveCases().keySet());
    }

    @Test
    void aLateJoinerGetsTheWholeHistoryThenLive() throws Exception {
        BrokerSettings settings = BrokerSettings.of(loopback.broker().uri(), "x");
        Or or = loopback.keep(Or.start(settings, "C-7"));
        assertTrue(or.publisher().awaitConnected(10_000));
        for (int ch = 0; ch < 6; ch++) {
            or.raise(ch, "CP" + ch);
        }
        or.publisher().logEntry(7.5, "Screw placement", "L4 left", "tech");
        for (int k = 1; k <= 3; k++) { // a latest-value stream: the history keeps only the newest per key
            or.publisher().measurement(new org.openionm.core.processing.Measurement(8 + k, "ssep", "median.left", "CP3", "N20",
                    19.5 + k / 10.0, 2.0 + k, 300, 4, new org.openionm.core.processing.Provenance("ssep test", java.util.Map.of())));
        }
        assertTrue(or.publisher().awaitDrained(10_000));

        ReadingRoom late = loopback.keep(ReadingRoom.connect(settings.withClientId("reader-late")));
        assertTrue(late.awaitConnected(10_000));
        CaseModel m = late.open("C-7");
        await("history of 6 alarms", 10_000, () -> m.alarms().size() == 6 && m.events().size() == 1);
        or.raise(20, "CP9"); // then live
        List<String> expected = or.log().stream().map(ReadingRoomFixture::entry).toList();
        await("the live alarm after the history", 10_000, () -> m.alarms().size() == expected.size());
        assertEquals(expected, m.alarms().stream().map(ReadingRoomFixture::entry).toList());
        assertEquals("L4 left", m.events().get(0).text("text"));
        assertEquals(7.5, m.events().get(0).caseSeconds());
        assertEquals(1, m.messages(Topics.MEASUREMENT).size(), "only the newest measurement of the key");
        CaseMessage n20 = m.latestMeasurements().get("ssep/median.left/CP3/N20");
        assertEquals(19.8, n20.number("latencyMs"), 1e-12);
        assertEquals(5.0, n20.number("amplitudeUv"), 1e-12);
        assertEquals(11.0, n20.caseSeconds());
        assertEquals(List.of(), m.gaps());
    }

    @Test
    void aReaderAcknowledgesAtTheOrAndChatsWithIt() throws Exception {
        BrokerSettings settings = BrokerSettings.of(loopback.broker().uri(), "x");
        Or or = loopback.keep(Or.start(settings, "C-4"));
        List<CaseMessage> chatAtOr = new java.util.concurrent.CopyOnWriteArrayList<>();
        or.publisher().onReaderChat(chatAtOr::add);
        assertTrue(or.publisher().awaitConnected(10_000));
        ReadingRoom reader = loopback.keep(ReadingRoom.connect(settings.withClientId("dr-reader")));
        assertTrue(reader.awaitConnected(10_000));
        CaseModel m = reader.open("C-4");
        or.raise(5, "CP4");
        await("the alarm at the reader", 10_000, () -> m.alarms().size() == 1);

        m.acknowledge(m.alarms().get(0), "seen, surgeon told");
        await("acknowledged in the OR's alarm manager", 10_000,
                () -> or.alarms().snapshot().alarms().stream().anyMatch(a -> a.acknowledged().isPresent()));
        var ack = or.alarms().snapshot().alarms().get(0).acknowledged().orElseThrow();
        assertEquals("reading room: dr-reader", ack.user());
        assertEquals("seen, surgeon told", ack.note());
        await("the acknowledgement back at the reader", 10_000, () -> m.alarms().size() == 2);
        assertEquals("ACKNOWLEDGED", m.alarms().get(1).text("event"));
        assertEquals("reading room: dr-reader", m.alarms().get(1).text("user"));

        m.chat("please check CP4 impedance");
        await("the chat line at the OR", 10_000, () -> chatAtOr.size() == 1);
        assertEquals("dr-reader", chatAtOr.get(0).text("author"));
        assertEquals("please check CP4 impedance", chatAtOr.get(0).text("text"));
        or.publisher().chat(6, "tech", "impedance 3 kOhm");
        await("both lines in the reader's chat", 10_000, () -> m.chat().size() == 2);
        assertEquals(List.of("please check CP4 impedance", "impedance 3 kOhm"), m.chat().stream().map(c -> c.text("text")).toList());
    }

    @Test
    void rawOnDemandReturnsExactlyTheRecordedSamples() throws Exception {
        BrokerSettings settings = BrokerSettings.of(loopback.broker().uri(), "x");
        Or or = loopback.keep(Or.start(settings, "C-9"));
        assertTrue(or.publisher().awaitConnected(10_000));
        int channels = 4;
        or.publisher().onStart("test", ReadingRoomFixture.channels(channels));
        for (long first = 0; first < 20_000; first += 100) { // 10 s at 2 kHz
            or.publisher().onBlock(ReadingRoomFixture.block(channels, first, 100));
        }
        ReadingRoom reader = loopback.keep(ReadingRoom.connect(settings.withClientId("reader-raw")));
        assertTrue(reader.awaitConnected(10_000));
        CaseModel m = reader.open("C-9");
        CaseModel.RawWindow w = m.requestRaw(2, 12_345, 1_000, 10_000);
        float[] expected = new float[1_000];
        for (int i = 0; i < expected.length; i++) {
            expected[i] = ReadingRoomFixture.sample(2, 12_345 + i);
        }
        assertEquals(12_345, w.first());
        assertEquals(2000.0, w.rate());
        assertArrayEquals(expected, w.samples(), 0f, "bit for bit");
        await("channels published", 10_000, () -> m.channels().size() == channels);
        assertEquals("C3", m.channels().get(3).get("label"));
    }
}
