package org.openionm.readingroom.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.Provenance;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseDescriptor;
import org.openionm.readingroom.OrPublisher;
import org.openionm.readingroom.view.ReaderLayout;
import org.openionm.readingroom.view.ReaderLayoutFiles;
import org.openionm.testkit.MosquittoServer;

/**
 * The reading room as {@code reading-room --demo} opened it when it logged dozens of
 * "gtk_box_gadget_distribute: assertion 'size >= 0' failed in GtkScrollbar": the reader's saved layout
 * restores three columns in a short window, and their tiles tables fill with more rows than they show.
 * No GTK critical (NoGtkCriticals), and every tiles table, chat and the alarm list at least a header, a
 * row and a scroll bar high.
 */
@ExtendWith(NoGtkCriticals.class)
class ShortWindowUiTest {

    private MosquittoServer broker;
    private Shell shell;
    private final List<OrPublisher> ors = new ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        broker = MosquittoServer.start();
    }

    @AfterEach
    void stop() {
        if (shell != null) {
            shell.dispose();
        }
        ors.forEach(OrPublisher::close);
        broker.close();
    }

    @Test
    void aRestoredLayoutInAShortWindowGivesEveryTableARowAndItsScrollBar() throws Exception {
        List<String> ids = List.of("C-DEMO-1", "C-DEMO-2", "C-DEMO-3");
        for (String caseId : ids) {
            OrPublisher p = new OrPublisher(BrokerSettings.of(broker.uri(), "or-" + caseId),
                    new CaseDescriptor(caseId, "posterior spinal fusion T10-L2", "OR " + caseId.charAt(7), List.of("ssep"), List.of("CNIM tech")),
                    OrPublisher.Options.defaults()).start();
            ors.add(p);
            assertTrue(p.awaitConnected(10_000), caseId + " connected");
            List<Channel> channels = new ArrayList<>();
            for (int c = 0; c < 6; c++) {
                channels.add(new Channel(c, "ch" + c, Channel.MICROVOLT, 2000, -5000, 5000, ChannelRole.EEG));
            }
            p.onStart("test", channels);
        }
        Path layouts = Files.createTempDirectory("rr-short");
        List<ReaderLayout.CaseLayout> saved = new ArrayList<>();
        for (String id : ids) {
            saved.add(new ReaderLayout.CaseLayout(id, 100, 10, false, List.of()));
        }
        ReaderLayoutFiles.save(ReaderLayoutFiles.file(layouts, "dr-short"), new ReaderLayout(saved));

        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(1100, 560); // the demo's part
        ReadingRoomView view = new ReadingRoomView(shell, new DeskSettings(broker.uri(), "dr-short", "", false, layouts));
        shell.open();
        EventLoop.pump("the saved layout restored", 20_000, () -> view.columns().size() == 3);
        for (OrPublisher p : ors) {
            for (String component : new String[] { "N20", "P25", "N33", "P37", "N45", "trainTime", "alphaRel", "SEF95" }) {
                p.measurement(new Measurement(400, "ssep", "tibial.left", "CPz", component, 38, 1.5, 300, 4, new Provenance("ssep test", Map.of())));
            }
        }
        EventLoop.pump("eight rows in every column's tiles", 20_000, () -> {
            view.refresh();
            return view.columns().stream().allMatch(c -> c.tilesTable().getItemCount() == 8);
        });
        // the demo's part and around it: by weight alone the tiles were 34, 20, 50 and 67 px high, and GTK logged
        // the scroll-bar critical at 50 and 67 (a table with a 33 px header: at every height from 44 to 80 px)
        for (int[] size : new int[][] { { 1100, 560 }, { 1280, 420 }, { 1100, 640 }, { 1100, 720 } }) {
            shell.setSize(size[0], size[1]);
            shell.layout(true, true);
            for (int i = 0; i < 3; i++) { // rows arriving in the laid-out tables, as in the demo
                view.columns().forEach(c -> c.tilesTable().setItemCount(7));
                view.columns().forEach(c -> c.tilesTable().setItemCount(8));
                while (Display.getDefault().readAndDispatch()) {
                    // GTK allocates the tables' scroll bars here
                }
            }
            String at = size[0] + "x" + size[1];
            for (CaseColumn c : view.columns()) {
                Table tiles = c.tilesTable();
                int least = SashMinimums.tableMinimum(tiles);
                assertTrue(least >= tiles.getHeaderHeight() + SashMinimums.VERTICAL_BAR, "a minimum with header and scroll bar: " + least);
                assertTrue(tiles.getSize().y >= least, at + ", " + c.caseId() + ": tiles " + tiles.getSize().y + " px high, needs " + least);
            }
            Table alarms = view.alarmTable();
            assertTrue(alarms.getSize().y >= SashMinimums.tableMinimum(alarms),
                    at + ": alarm list " + alarms.getSize().y + " px, needs " + SashMinimums.tableMinimum(alarms));
            Table cases = view.casesTable();
            assertTrue(cases.getSize().y >= SashMinimums.tableMinimum(cases), at + ": cases " + cases.getSize().y + " px");
        }
        assertEquals(3, view.casesTable().getItemCount());
    }
}
