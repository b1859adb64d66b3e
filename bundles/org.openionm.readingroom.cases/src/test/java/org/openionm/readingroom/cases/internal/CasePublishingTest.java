package org.openionm.readingroom.cases.internal;

import org.openionm.testkit.MosquittoServer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.openionm.readingroom.cases.internal.Conditions.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.CaseWorkbenches;
import org.openionm.cases.DataArea;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseModel;
import org.openionm.readingroom.ReadingRoom;

/** The workbench's open case published; a reader's chat kept in the case's event log; the OR's entries at the reader. */
class CasePublishingTest {

    @Test
    void aReadersChatLineIsANoteInTheOpenCasesEventLogAndTheOrsEntriesReachTheReader(@TempDir Path dir) throws Exception {
        try (MosquittoServer broker = MosquittoServer.start()) {
            CaseWorkbench workbench = CaseWorkbenches.withoutAcquisition(DataArea.embedded(Files.createDirectories(dir.resolve("data"))), true);
            try {
                workbench.session().loginDemo(Instant.now());
                MonitoringCase c = workbench.openDemoCase();
                try (CasePublishing publishing = new CasePublishing(workbench, null, null, null, BrokerSettings.of(broker.uri(), "or"), "OR 4");
                        ReadingRoom reader = ReadingRoom.connect(BrokerSettings.of(broker.uri(), "dr-chat"))) {
                    assertTrue(publishing.publisher().orElseThrow().awaitConnected(10_000));
                    assertTrue(reader.awaitConnected(10_000));
                    await("the open case is listed", 10_000, () -> reader.liveCases().containsKey(c.id()));
                    assertEquals("OR 4", reader.liveCases().get(c.id()).room());
                    CaseModel m = reader.open(c.id());
                    await("subscribed", 10_000, () -> m.descriptor().isPresent());

                    m.chat("MEP left TA down 60 %, please ask for a wake-up test?");
                    await("the chat line in the case's event log", 10_000,
                            () -> workbench.events().stream().anyMatch(e -> e.type() == EventType.NOTE));
                    CaseEvent note = workbench.events().stream().filter(e -> e.type() == EventType.NOTE).findFirst().orElseThrow();
                    assertEquals("Reading room chat, dr-chat: MEP left TA down 60 %, please ask for a wake-up test?", note.text());
                    assertEquals(c.id(), note.caseId());

                    workbench.log(EventType.SCREW_PLACEMENT, Map.of("level", "L4", "side", "left"), "medial breach suspected");
                    await("the OR's entries at the reader (the note too)", 10_000, () -> m.events().size() >= 2);
                    List<String> types = m.events().stream().map(e -> e.text("type")).toList();
                    assertTrue(types.containsAll(List.of("Note", "Screw placement")), types.toString());
                    assertEquals("medial breach suspected",
                            m.events().stream().filter(e -> e.text("type").equals("Screw placement")).findFirst().orElseThrow().text("text"));

                    workbench.closeCase();
                    await("a closed case is no longer published", 10_000, () -> publishing.publisher().isEmpty());
                }
            } finally {
                CaseWorkbenches.close(workbench);
            }
        }
    }
}
