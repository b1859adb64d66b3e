package org.openionm.readingroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseDescriptor;
import org.openionm.readingroom.OrPublisher;
import org.openionm.readingroom.view.ReaderLayout;
import org.openionm.readingroom.view.ReaderLayoutFiles;
import org.openionm.testkit.MosquittoServer;

/**
 * The reader's layout kept between sessions, on screen against a real mosquitto and a publishing OR:
 * the reader sets a scale and a window in a case's column, the view is closed and opened again, and the
 * case comes back in a column with that scale and window; a saved case that is no longer live is named
 * as such, and nothing fails.
 */
@ExtendWith(NoGtkCriticals.class)
class ReaderLayoutUiTest {

    private MosquittoServer broker;
    private Shell shell;
    private OrPublisher or;

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoServer.start();
    }

    @AfterEach
    void stop() {
        if (shell != null) {
            shell.dispose();
        }
        if (or != null) {
            or.close();
        }
        broker.close();
    }

    private static void pump(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        Display d = Display.getDefault();
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("within " + timeoutMs + " ms: " + what);
            }
            if (!d.readAndDispatch()) {
                Thread.sleep(5);
            }
        }
    }

    private ReadingRoomView openView(Path layouts) {
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(1200, 800);
        ReadingRoomView view = new ReadingRoomView(shell, new DeskSettings(broker.uri(), "dr-layout", "", false, layouts));
        shell.open();
        return view;
    }

    private static void choose(Combo combo, String item) {
        int i = combo.indexOf(item);
        assertTrue(i >= 0, item + " in " + List.of(combo.getItems()));
        combo.select(i);
        combo.notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
    }

    @Test
    void aScaleSetByTheReaderIsRestoredWhenTheViewIsOpenedAgain() throws Exception {
        Path layouts = Files.createTempDirectory("rr-layout");
        String caseId = "C-2026-0077";
        or = new OrPublisher(BrokerSettings.of(broker.uri(), "or-" + caseId),
                new CaseDescriptor(caseId, "posterior spinal fusion T10-L2", "OR 7", List.of("ssep"), List.of("CNIM tech")),
                OrPublisher.Options.defaults()).start();
        assertTrue(or.awaitConnected(10_000));
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < 6; c++) {
            channels.add(new Channel(c, "ch" + c, Channel.MICROVOLT, 2000, -5000, 5000, ChannelRole.EEG));
        }
        or.onStart("test", channels);

        ReadingRoomView first = openView(layouts);
        pump("the case listed", 20_000, () -> first.casesTable().getItemCount() == 1);
        first.open(caseId);
        CaseColumn column = first.columns().get(0);
        assertEquals("±100 µV", column.scaleCombo().getText(), "the default before the reader chooses");
        choose(column.scaleCombo(), "±500 µV");
        choose(column.windowCombo(), "20 s");
        assertEquals(500, column.column().view().scaleUv());
        Path file = ReaderLayoutFiles.file(layouts, "dr-layout");
        assertTrue(Files.readString(file).contains("case.1.scaleUv=500\n"), Files.readString(file));

        shell.dispose(); // the reading room closed …
        shell = null;
        // … and a case the reader had open that has ended since (saved by an earlier session, not live)
        ReaderLayout saved = ReaderLayoutFiles.load(file).orElseThrow();
        List<ReaderLayout.CaseLayout> withEnded = new ArrayList<>(saved.cases());
        withEnded.add(new ReaderLayout.CaseLayout("C-2026-0001", 50, 5, false, List.of()));
        ReaderLayoutFiles.save(file, new ReaderLayout(withEnded));

        ReadingRoomView second = openView(layouts); // … and opened again
        pump("the saved case reopened", 20_000, () -> second.columns().size() == 1);
        CaseColumn again = second.columns().get(0);
        assertEquals(caseId, again.caseId());
        assertEquals("±500 µV", again.scaleCombo().getText(), "the reader's scale is back");
        assertEquals("20 s", again.windowCombo().getText());
        assertEquals(500, again.column().view().scaleUv());
        assertEquals(20, again.traceCanvas().windowSeconds());
        assertEquals("Saved layout: C-2026-0001 is not live now (opened if live again before you change the desk).", second.layoutText());

        // a change by hand: the desk as it is is the layout; the ended case is dropped
        choose(again.scaleCombo(), "±200 µV");
        assertEquals(List.of(new ReaderLayout.CaseLayout(caseId, 200, 20, false, List.of())), ReaderLayoutFiles.load(file).orElseThrow().cases());
        assertEquals("", second.layoutText());
    }
}
