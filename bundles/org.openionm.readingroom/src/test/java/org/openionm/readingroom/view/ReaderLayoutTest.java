package org.openionm.readingroom.view;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openionm.readingroom.view.ReaderLayout.CaseLayout;

/** The reader's layout to and from its text, applied to case views, kept in a file per reader. */
class ReaderLayoutTest {

    private static final String TEXT = """
            # OpenIONM reading-room layout: open cases left to right, each with the reader's scale, window, channels
            cases=2
            case.1.id=C-2026-0042
            case.1.scaleUv=200
            case.1.windowS=20
            case.1.channels=5,0,9
            case.2.id=C-2026-0043
            case.2.scaleUv=100
            case.2.windowS=10
            """;

    private static ReaderLayout twoCases() {
        CaseView a = new CaseView("C-2026-0042");
        a.channelsAvailable(16);
        a.scaleUv(200);
        a.windowSeconds(20);
        a.chooseChannels(List.of(5, 0, 9));
        CaseView b = new CaseView("C-2026-0043");
        b.channelsAvailable(16); // default channels: not part of the layout
        return new ReaderLayout(List.of(CaseLayout.of(a), CaseLayout.of(b)));
    }

    @Test
    void theLayoutIsWrittenAsPropertiesAndReadBackEqual() {
        ReaderLayout layout = twoCases();
        assertEquals(TEXT, layout.toText());
        assertEquals(layout, ReaderLayout.parse(TEXT));
        assertEquals(List.of("C-2026-0042", "C-2026-0043"), layout.caseIds());
        assertEquals(new CaseLayout("C-2026-0043", 100, 10, false, List.of()), layout.caseLayout("C-2026-0043").orElseThrow());
        assertEquals(ReaderLayout.empty(), ReaderLayout.parse(ReaderLayout.empty().toText()));
        // a case id with characters the properties format escapes survives
        ReaderLayout odd = new ReaderLayout(List.of(new CaseLayout(" C=1: ü\\x", 5, 30, true, List.of())));
        assertEquals(odd, ReaderLayout.parse(odd.toText()));
    }

    @Test
    void appliedToANewViewTheChoiceComesBackEvenBeforeTheOrsChannelListArrives() {
        CaseLayout saved = twoCases().cases().get(0);
        CaseView v = new CaseView("C-2026-0042");
        v.channelsAvailable(0); // reopened: the OR's channel list is not there yet
        saved.applyTo(v);
        assertEquals(200, v.scaleUv());
        assertEquals(20, v.windowSeconds());
        v.channelsAvailable(0);
        assertEquals(List.of(), v.channels(), "no channel shown before the list arrives");
        v.channelsAvailable(16);
        assertEquals(List.of(5, 0, 9), v.channels(), "the reader's choice, in the reader's order");
        v.channelsAvailable(6); // the OR now has fewer channels: what no longer exists is not shown
        assertEquals(List.of(5, 0), v.channels());
        assertEquals(List.of(5, 0, 9), v.chosenChannels());

        CaseView d = new CaseView("C-2026-0043");
        twoCases().cases().get(1).applyTo(d);
        d.channelsAvailable(16);
        assertFalse(d.channelsChosen());
        assertEquals(List.of(0, 1, 2, 3), d.channels(), "not chosen: the default first four");
    }

    @Test
    void aWrongValueIsRefusedNamingTheKey() {
        assertEquals("case.1.windowS must be 1–60, was 90",
                assertThrows(IllegalArgumentException.class, () -> ReaderLayout.parse(TEXT.replace("windowS=20", "windowS=90"))).getMessage());
        assertEquals("case.2.scaleUv must be a number, was 'big'",
                assertThrows(IllegalArgumentException.class, () -> ReaderLayout.parse(TEXT.replace("scaleUv=100", "scaleUv=big"))).getMessage());
        assertEquals("case.1.channels must be channel indices separated by commas, was '5;0'",
                assertThrows(IllegalArgumentException.class, () -> ReaderLayout.parse(TEXT.replace("5,0,9", "5;0"))).getMessage());
        assertEquals("case.2.id is missing",
                assertThrows(IllegalArgumentException.class, () -> ReaderLayout.parse(TEXT.replace("case.2.id=C-2026-0043\n", ""))).getMessage());
        assertEquals("cases is missing", assertThrows(IllegalArgumentException.class, () -> ReaderLayout.parse("")).getMessage());
    }

    @Test
    void oneFilePerReaderInTheDataArea(@TempDir Path dir) throws IOException {
        Path folder = ReaderLayoutFiles.folder(dir.toString(), Map.of());
        assertEquals(dir.resolve("reading-room"), folder);
        assertEquals(dir.resolve("env").resolve("reading-room"), ReaderLayoutFiles.folder(null, Map.of("OPENIONM_DATA", dir.resolve("env").toString())));
        Path file = ReaderLayoutFiles.file(folder, "dr-smith");
        assertEquals(folder.resolve("layout-dr-smith.properties"), file);
        assertEquals(folder.resolve("layout-dr_x_y.properties"), ReaderLayoutFiles.file(folder, "dr/x y"));
        assertTrue(ReaderLayoutFiles.load(file).isEmpty(), "no file yet: no layout");

        ReaderLayoutFiles.save(file, twoCases());
        assertEquals(TEXT, Files.readString(file));
        assertEquals(twoCases(), ReaderLayoutFiles.load(file).orElseThrow());
        assertTrue(ReaderLayoutFiles.load(ReaderLayoutFiles.file(folder, "dr-other")).isEmpty(), "another reader has their own");

        Files.writeString(file, "cases=1\n");
        IOException e = assertThrows(IOException.class, () -> ReaderLayoutFiles.load(file));
        assertEquals(file + ": case.1.id is missing", e.getMessage());
    }
}
