package org.openionm.readingroom.cases.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TableItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.readingroom.cases.ChatLine;
import org.openionm.readingroom.cases.ChatUnread;
import org.openionm.readingroom.cases.OrChat;

/**
 * The OR's chat part driven through its widgets: readers' lines shown with case time and author and
 * counted in the label until read; an answer typed and sent goes to the chat service as the logged-in
 * user's line; without publishing the part says why and cannot send. (The chat service itself is tested
 * against a real broker in org.openionm.readingroom.cases: OrChatTest.)
 */
class OrChatViewUiTest {

    /** A chat service the test feeds by hand, as the broker would (lines arrive on another thread). */
    static final class ScriptedChat implements OrChat {
        volatile String unavailable = "";
        final List<ChatLine> lines = new CopyOnWriteArrayList<>();
        final List<String> sent = new CopyOnWriteArrayList<>();
        final List<Runnable> listeners = new CopyOnWriteArrayList<>();

        @Override
        public String unavailable() {
            return unavailable;
        }

        @Override
        public Optional<String> caseId() {
            return unavailable.isEmpty() ? Optional.of("C-2026-0007") : Optional.empty();
        }

        @Override
        public List<ChatLine> lines() {
            return List.copyOf(lines);
        }

        @Override
        public ChatLine send(String text) {
            sent.add(text);
            ChatLine l = new ChatLine(3725.4, "tech-anna", false, text.strip(), true);
            lines.add(l);
            return l;
        }

        void arrive(ChatLine l) throws InterruptedException {
            Thread t = new Thread(() -> {
                lines.add(l);
                listeners.forEach(Runnable::run);
            });
            t.start();
            t.join();
        }

        @Override
        public void addListener(Runnable listener) {
            listeners.add(listener);
        }

        @Override
        public void removeListener(Runnable listener) {
            listeners.remove(listener);
        }
    }

    private Shell shell;

    @AfterEach
    void close() {
        if (shell != null) {
            shell.dispose();
        }
    }

    private static void pump(String what, long timeoutMs, BooleanSupplier condition) {
        Display d = Display.getDefault();
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("within " + timeoutMs + " ms: " + what);
            }
            if (!d.readAndDispatch()) {
                d.sleep();
                d.wake();
            }
        }
    }

    private static List<String> row(TableItem item) {
        List<String> r = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            r.add(item.getText(i));
        }
        return r;
    }

    @Test
    void readersLinesAreShownAndCountedUntilReadAndAnAnswerIsSent() throws Exception {
        ScriptedChat chat = new ScriptedChat();
        List<String> labels = new CopyOnWriteArrayList<>();
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        shell.setSize(700, 300);
        ChatUnread shared = new ChatUnread(); // the addon's, keeping the tab's label while the part is not shown
        OrChatView view = new OrChatView(shell, chat, shared, labels::add);
        shell.open();
        assertEquals(List.of("Chat"), labels);
        assertTrue(view.headerText().startsWith("Case C-2026-0007 · chat with the reading room"), view.headerText());
        assertTrue(view.answerText().isEnabled());

        chat.arrive(new ChatLine(65.9, "dr-reader", true, "TA left down 60 %", true));
        chat.arrive(new ChatLine(3601, "dr-reader", true, "wake-up test?", false));
        pump("two lines shown", 5_000, () -> view.table().getItemCount() == 2);
        assertEquals(List.of("00:01:05", "dr-reader", "TA left down 60 %"), row(view.table().getItem(0)));
        assertEquals(List.of("01:00:01", "dr-reader", "wake-up test?  (not in the event log)"), row(view.table().getItem(1)));
        assertEquals("Chat (2)", labels.get(labels.size() - 1), "an incoming line is counted in the tab");

        view.answerText().setText("  wake-up test in 5 min ");
        view.sendButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals(List.of("  wake-up test in 5 min "), chat.sent);
        assertEquals("", view.answerText().getText());
        assertEquals(3, view.table().getItemCount());
        assertEquals(List.of("01:02:05", "tech-anna", "wake-up test in 5 min"), row(view.table().getItem(2)));
        assertEquals("Chat", labels.get(labels.size() - 1), "answering is having read the chat");

        chat.arrive(new ChatLine(3800, "dr-reader", true, "thanks", true));
        pump("the third reader's line", 5_000, () -> view.table().getItemCount() == 4);
        assertEquals("Chat (1)", labels.get(labels.size() - 1));
        assertEquals(1, shared.unread("C-2026-0007", chat.lines()));
        view.table().notifyListeners(SWT.MouseDown, new org.eclipse.swt.widgets.Event());
        assertEquals("Chat", labels.get(labels.size() - 1));
        assertEquals(0, shared.unread("C-2026-0007", chat.lines()), "read in the part is read for the tab's label too");

        // an empty answer is not sent
        view.answerText().setText("   ");
        view.sendButton().notifyListeners(SWT.Selection, new org.eclipse.swt.widgets.Event());
        assertEquals(1, chat.sent.size());
    }

    @Test
    void withoutPublishingThePartSaysWhyAndCannotSend() {
        ScriptedChat chat = new ScriptedChat();
        chat.unavailable = "This workbench does not publish to a reading room, so there is no chat: start it with "
                + "-Dopenionm.readingroom.publish=tcp://<broker>:1883";
        shell = new Shell(Display.getDefault());
        shell.setLayout(new FillLayout());
        OrChatView view = new OrChatView(shell, chat, l -> { });
        shell.open();
        assertEquals(chat.unavailable, view.headerText());
        assertFalse(view.answerText().isEnabled());
        assertFalse(view.sendButton().isEnabled());
        assertEquals(0, view.table().getItemCount());
    }
}
