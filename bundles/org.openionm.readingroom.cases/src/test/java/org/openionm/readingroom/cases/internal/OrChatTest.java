package org.openionm.readingroom.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.readingroom.cases.internal.Conditions.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.CaseWorkbenches;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.CaseModel;
import org.openionm.readingroom.ReadingRoom;
import org.openionm.readingroom.cases.ChatLine;
import org.openionm.readingroom.cases.ChatUnread;
import org.openionm.testkit.MosquittoServer;

/**
 * The OR's chat with the reading room, through a real mosquitto: readers' lines reach the OR's chat in
 * the order they were written, the OR's answer reaches the reader's CaseModel as the logged-in user,
 * every line of both sides is a chat note in the case's event log, and a publisher started again on the
 * same case reads the conversation back from the log.
 */
class OrChatTest {

    @Test
    void readersLinesReachTheOrInOrderTheOrsAnswerReachesTheReaderAndBothAreInTheEventLog(@TempDir Path dir) throws Exception {
        try (MosquittoServer broker = MosquittoServer.start()) {
            CaseWorkbench workbench = CaseWorkbenches.withoutAcquisition(DataArea.embedded(Files.createDirectories(dir.resolve("data"))), true);
            try {
                String tech = workbench.session().loginDemo(Instant.now()).username();
                MonitoringCase c = workbench.openDemoCase();
                AtomicInteger changes = new AtomicInteger();
                try (CasePublishing or = new CasePublishing(workbench, null, null, null, BrokerSettings.of(broker.uri(), "or"), "OR 5");
                        ReadingRoom reader = ReadingRoom.connect(BrokerSettings.of(broker.uri(), "dr-chat"))) {
                    or.addListener(changes::incrementAndGet);
                    assertEquals("", or.unavailable());
                    assertEquals(c.id(), or.caseId().orElseThrow());
                    assertTrue(or.publisher().orElseThrow().awaitConnected(10_000));
                    assertTrue(reader.awaitConnected(10_000));
                    await("the open case is listed", 10_000, () -> reader.liveCases().containsKey(c.id()));
                    CaseModel m = reader.open(c.id());
                    await("subscribed", 10_000, () -> m.descriptor().isPresent());

                    List<String> sent = List.of("TA left down 60 %", "ask for a wake-up test?", "and check the MAP, please");
                    for (String line : sent) {
                        m.chat(line); // each waits for the broker's PUBACK: the order of writing
                    }
                    await("three readers' lines at the OR", 10_000, () -> or.lines().size() == 3);
                    assertEquals(sent, or.lines().stream().map(ChatLine::text).toList());
                    assertTrue(or.lines().stream().allMatch(l -> l.fromReader() && l.author().equals("dr-chat") && l.inEventLog()));
                    assertTrue(changes.get() >= 3, "the part hears every line: " + changes.get());
                    ChatUnread unread = new ChatUnread();
                    assertEquals(3, unread.unread(c.id(), or.lines()));

                    ChatLine answer = or.send("  wake-up test in 5 min  ");
                    assertEquals(new ChatLine(Double.NaN, tech, false, "wake-up test in 5 min", true).toString(), answer.toString());
                    assertEquals(4, or.lines().size());
                    assertEquals(answer, or.lines().get(3));
                    assertEquals(3, unread.unread(c.id(), or.lines()), "the OR's own line is not unread");
                    unread.markRead(c.id(), or.lines());
                    assertEquals(0, unread.unread(c.id(), or.lines()));

                    await("the OR's answer at the reader", 10_000, () -> m.chat().stream().anyMatch(x -> "or".equals(x.text("from"))));
                    List<CaseMessage> atReader = m.chat();
                    assertEquals(4, atReader.size(), atReader.toString());
                    CaseMessage fromOr = atReader.stream().filter(x -> "or".equals(x.text("from"))).findFirst().orElseThrow();
                    assertEquals(tech, fromOr.text("author"));
                    assertEquals("wake-up test in 5 min", fromOr.text("text"));
                    assertEquals(List.of("TA left down 60 %", "ask for a wake-up test?", "and check the MAP, please", "wake-up test in 5 min"),
                            atReader.stream().map(x -> x.text("text")).toList(), "the reader sees the conversation in order");

                    List<CaseEvent> notes = workbench.events().stream().filter(e -> e.type() == EventType.NOTE).toList();
                    assertEquals(List.of("Reading room chat, dr-chat: TA left down 60 %", "Reading room chat, dr-chat: ask for a wake-up test?",
                            "Reading room chat, dr-chat: and check the MAP, please", "Reading room chat, " + tech + ": wake-up test in 5 min"),
                            notes.stream().map(CaseEvent::text).toList());
                    assertEquals(Map.of(ChatLine.FROM_FIELD, "or", ChatLine.AUTHOR_FIELD, tech), notes.get(3).fields());
                    assertEquals(Map.of(ChatLine.FROM_FIELD, "reader", ChatLine.AUTHOR_FIELD, "dr-chat"), notes.get(0).fields());
                    assertTrue(notes.stream().allMatch(e -> e.author().equals(tech)), "entered by the workbench's session user");

                    assertThrows(IllegalArgumentException.class, () -> or.send("   "));
                }
                // published again (a restarted workbench): the conversation is read back from the event log
                try (CasePublishing again = new CasePublishing(workbench, null, null, null, BrokerSettings.of(broker.uri(), "or"), "OR 5")) {
                    assertEquals(List.of("dr-chat", "dr-chat", "dr-chat", tech), again.lines().stream().map(ChatLine::author).toList());
                    assertEquals(List.of(true, true, true, false), again.lines().stream().map(ChatLine::fromReader).toList());
                    workbench.closeCase();
                    await("no case: no chat", 10_000, () -> !again.unavailable().isEmpty());
                    assertEquals(CasePublishing.NO_CASE, again.unavailable());
                    assertTrue(again.lines().isEmpty());
                    assertThrows(IllegalStateException.class, () -> again.send("anyone?"));
                    assertFalse(again.caseId().isPresent());
                }
            } finally {
                CaseWorkbenches.close(workbench);
            }
        }
    }
}
