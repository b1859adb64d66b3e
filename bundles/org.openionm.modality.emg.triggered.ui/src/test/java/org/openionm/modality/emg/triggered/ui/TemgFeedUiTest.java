package org.openionm.modality.emg.triggered.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.core.processing.AlarmCondition.Priority;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ResultListener;

/** The t-EMG tab opened late still lists the screws tested since the acquisition started (the DS-held model). */
class TemgFeedUiTest {

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    @Test
    void aTabOpenedAfterTheRampsShowsTheirThresholds() throws Exception {
        List<ResultListener> listeners = new CopyOnWriteArrayList<>();
        ProcessorHost host = (ProcessorHost) Proxy.newProxyInstance(ProcessorHost.class.getClassLoader(),
                new Class<?>[] { ProcessorHost.class }, (proxy, method, args) -> switch (method.getName()) {
                    case "addListener" -> listeners.add((ResultListener) args[0]);
                    case "removeListener" -> listeners.remove(args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        TemgFeed feed = new TemgFeed(host); // at start-up, before any tab exists
        assertEquals(1, listeners.size());
        assertSame(feed.model(), listeners.get(0));

        Thread processing = new Thread(() -> { // the host's thread, before the tab is first shown
            TemgModel heard = (TemgModel) listeners.get(0);
            heard.acquisitionStarted();
            TemgViewUiTest.threshold(heard, 2.5, "screw.L5.left", "EHL-L", 3.2, Priority.HIGH, "breach likely");
            TemgViewUiTest.threshold(heard, 5.1, "screw.S1.left", "Gastroc-L", 6, Priority.MEDIUM, "breach possible");
        }, "openionm-consumer-test");
        processing.start();
        processing.join();

        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(900, 700);
        TemgPart part = new TemgPart();
        part.host = host;
        part.feed = feed;
        part.create(shell);
        shell.open();
        part.view().refresh();
        assertSame(feed.model(), part.model());
        assertEquals(1, listeners.size(), "the tab reads the held model and adds no listener of its own");
        assertEquals(2, part.view().table().getItemCount());
        assertEquals("3.2 mA", part.view().table().getItem(0).getText(2));
        assertEquals("6 mA", part.view().table().getItem(1).getText(2));

        part.dispose();
        assertEquals(List.of(feed.model()), listeners, "closing the tab leaves the held model listening");
        feed.stop();
        assertEquals(List.of(), listeners);
    }
}
