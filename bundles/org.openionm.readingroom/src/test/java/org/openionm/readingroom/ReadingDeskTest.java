package org.openionm.readingroom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.readingroom.ReadingRoomFixture.await;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openionm.readingroom.ReadingRoomFixture.Or;
import org.openionm.readingroom.view.AlarmRow;
import org.openionm.readingroom.view.EnvelopeBlock;
import org.openionm.readingroom.view.ReadingDesk;

/** The reading-room perspective's model, headless, against a real mosquitto and three ORs. */
class ReadingDeskTest {

    private static final ZoneId UTC = ZoneId.of("UTC");
    @RegisterExtension
    final LoopbackBroker loopback = new LoopbackBroker();

    @Test
    void threeCasesSideBySideOneAlarmListNamingEachCaseAcknowledgeAndChat() throws Exception {
        BrokerSettings settings = BrokerSettings.of(loopback.broker().uri(), "x");
        List<Or> ors = List.of(loopback.keep(Or.start(settings, "C-1")), loopback.keep(Or.start(settings, "C-2")),
                loopback.keep(Or.start(settings, "C-3")));
        List<CaseMessage> chatAtOr2 = new CopyOnWriteArrayList<>();
        ors.get(1).publisher().onReaderChat(chatAtOr2::add);
        for (Or or : ors) {
            assertTrue(or.publisher().awaitConnected(10_000), "OR connected");
        }
        ReadingDesk desk = loopback.keep(ReadingDesk.connect(settings.withClientId("dr-desk")));
        assertTrue(desk.room().awaitConnected(10_000));
        await("three live cases listed", 10_000, () -> desk.liveCases().size() == 3);
        assertEquals(List.of("OR C-1", "OR C-2", "OR C-3"), desk.liveCases().stream().map(CaseDescriptor::room).toList());
        for (CaseDescriptor d : desk.liveCases()) {
            desk.open(d.caseId());
        }
        assertEquals(List.of("C-1", "C-2", "C-3"), desk.columns().stream().map(ReadingDesk.Column::caseId).toList());
        await("descriptors", 10_000, () -> desk.columns().stream().allMatch(c -> c.model().descriptor().isPresent()));
        assertEquals("OR C-2 · C-2 — posterior spinal fusion", ReadingDesk.title(desk.column("C-2").model()));

        // OR k raises k+1 alarms, on channels CPk0 …
        for (int k = 0; k < 3; k++) {
            for (int a = 0; a <= k; a++) {
                ors.get(k).raise(10 + a, "CP" + k + a);
            }
        }
        await("six alarms across the three cases", 10_000, () -> desk.alarmRows().size() == 6);
        List<AlarmRow> rows = desk.alarmRows();
        assertEquals(List.of("C-1", "C-2", "C-3"), rows.stream().map(AlarmRow::caseId).distinct().sorted().toList());
        for (AlarmRow r : rows) {
            assertEquals("OR " + r.caseId() + " · " + r.caseId(), r.caseLabel());
            assertTrue(r.key().contains("CP" + (r.caseId().charAt(2) - '1')), "the row of " + r.caseId() + " is its own alarm: " + r.key());
            assertEquals("ACTIVE_UNACKNOWLEDGED", r.state());
        }

        // acknowledge C-2's CP11 from the desk: the OR's alarm manager records the reader; the row follows
        AlarmRow cp11 = rows.stream().filter(r -> r.key().contains("CP11")).findFirst().orElseThrow();
        desk.acknowledge(cp11, "seen");
        await("acknowledged at OR C-2", 10_000, () -> ors.get(1).alarms().snapshot().alarms().stream()
                .anyMatch(a -> a.key().channel().equals("CP11") && a.acknowledged().isPresent()));
        assertEquals("reading room: dr-desk", ors.get(1).alarms().snapshot().alarms().stream()
                .filter(a -> a.key().channel().equals("CP11")).findFirst().orElseThrow().acknowledged().orElseThrow().user());
        await("the row shows the acknowledgement", 10_000,
                () -> desk.alarmRows().stream().anyMatch(r -> r.key().contains("CP11") && r.state().equals("ACTIVE_ACKNOWLEDGED")));
        AlarmRow after = desk.alarmRows().stream().filter(r -> r.key().contains("CP11")).findFirst().orElseThrow();
        assertEquals("reading room: dr-desk", after.user());
        assertEquals(5, desk.alarmRows().stream().filter(AlarmRow::unacknowledged).count());
        assertFalse(desk.alarmRows().get(0).key().contains("CP11"), "an acknowledged alarm goes below the unacknowledged ones");

        desk.chat("C-2", "  please check CP11 impedance ");
        await("the chat line at OR C-2", 10_000, () -> chatAtOr2.size() == 1);
        assertEquals("please check CP11 impedance", chatAtOr2.get(0).text("text"));
        assertEquals("dr-desk", chatAtOr2.get(0).text("author"));
        await("the line in the desk's chat of C-2", 10_000, () -> desk.chatLines("C-2", UTC).size() == 1);
        assertTrue(desk.chatLines("C-2", UTC).get(0).endsWith(" dr-desk: please check CP11 impedance"), desk.chatLines("C-2", UTC).get(0));
        assertEquals(List.of(), desk.chatLines("C-1", UTC), "chat stays in its case");
    }

    @Test
    void traceFramesBecomeTheReadersEnvelopeAndMeasurementsItsTiles() throws Exception {
        BrokerSettings settings = BrokerSettings.of(loopback.broker().uri(), "x");
        Or or = loopback.keep(Or.start(settings, "C-5"));
        assertTrue(or.publisher().awaitConnected(10_000));
        ReadingDesk desk = loopback.keep(ReadingDesk.connect(settings.withClientId("dr-trace")));
        assertTrue(desk.room().awaitConnected(10_000));
        ReadingDesk.Column col = desk.open("C-5");
        await("descriptor", 10_000, () -> col.model().descriptor().isPresent());
        List<EnvelopeBlock> blocks = new CopyOnWriteArrayList<>();
        desk.addListener(new CaseModelListener() {
            @Override
            public void received(CaseModel model, CaseMessage message) {
                if (message.stream().equals(Topics.TRACE)) {
                    blocks.add(EnvelopeBlock.of(message, col.view().channels()));
                }
            }
        });
        int channels = 6;
        or.publisher().onStart("test", ReadingRoomFixture.channels(channels));
        await("the channels", 10_000, () -> col.model().channels().size() == channels);
        await("the view's default channels", 10_000, () -> col.view().channels().size() == 4);
        for (long first = 0; first < 2_000; first += 100) { // 1 s at 2 kHz: 20 frames of 100 samples (50 ms)
            or.publisher().onBlock(ReadingRoomFixture.block(channels, first, 100));
        }
        await("20 frames", 10_000, () -> blocks.size() == 20);
        // the OR's columns at 2 kHz: 250/s wanted, 8 samples → 100 % 8 ≠ 0, so 10 samples (200 columns/s)
        EnvelopeBlock b = blocks.get(3);
        assertEquals(400.0, b.rate());
        assertEquals(2 * 30, b.firstIndex(), "frame 4 starts at sample 300 = column 30");
        for (int col3 = 0; col3 < 10; col3++) { // channel 2, column k of the frame: min and max of its 10 samples
            float lo = Float.POSITIVE_INFINITY;
            float hi = Float.NEGATIVE_INFINITY;
            for (int i = 0; i < 10; i++) {
                float s = ReadingRoomFixture.sample(2, 300 + col3 * 10 + i);
                lo = Math.min(lo, s);
                hi = Math.max(hi, s);
            }
            assertEquals(lo, b.samples()[2][2 * col3], "min of column " + col3);
            assertEquals(hi, b.samples()[2][2 * col3 + 1], "max of column " + col3);
        }

        for (int k = 1; k <= 3; k++) {
            or.publisher().measurement(new org.openionm.core.processing.Measurement(10 * k, "ssep", "median.left", "CP3", "N20", 19.8,
                    4.0 - k, 300, 4, new org.openionm.core.processing.Provenance("ssep test", java.util.Map.of())));
        }
        await("three points in the N20 trend", 10_000, () -> !col.view().tiles().isEmpty() && col.view().tiles().get(0).trend().size() == 3);
        assertEquals(-2 / 3.0 * 100, col.view().tiles().get(0).changePercent(), 1e-9, "3 µV → 1 µV");
    }

    @Test
    void aLostBrokerShowsConnectionLostSinceTheMomentOfTheLoss() throws Exception {
        BrokerSettings settings = BrokerSettings.of(loopback.broker().uri(), "x");
        Or or = loopback.keep(Or.start(settings, "C-6"));
        assertTrue(or.publisher().awaitConnected(10_000));
        ReadingDesk desk = loopback.keep(ReadingDesk.connect(settings.withClientId("dr-lost")));
        assertTrue(desk.room().awaitConnected(10_000));
        desk.open("C-6");
        await("live", 10_000, () -> desk.connectionText("C-6", UTC).equals("live"));
        Instant before = Instant.now().minusMillis(1);
        loopback.broker().kill();
        await("connection lost shown", 10_000, () -> desk.connectionText("C-6", UTC).startsWith("connection lost since "));
        Instant lost = desk.column("C-6").model().connection().lostSince();
        assertFalse(lost.isBefore(before), "lost at or after the kill: " + lost + " vs " + before);
        String clock = java.time.format.DateTimeFormatter.ofPattern("HH:mm:ss").format(lost.atZone(UTC));
        assertTrue(desk.connectionText("C-6", UTC).startsWith("connection lost since " + clock), desk.connectionText("C-6", UTC));
        loopback.broker().restart();
        await("live again after the restart", 30_000, () -> desk.connectionText("C-6", UTC).equals("live"));
    }
}
