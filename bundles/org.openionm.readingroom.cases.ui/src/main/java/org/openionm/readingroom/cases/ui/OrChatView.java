package org.openionm.readingroom.cases.ui;

import java.util.List;
import java.util.function.Consumer;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.openionm.readingroom.cases.ChatLine;
import org.openionm.readingroom.cases.ChatUnread;
import org.openionm.readingroom.cases.OrChat;

/**
 * The OR's chat with the reading room: the open case's lines (case time hh:mm:ss, author, text; a
 * reader's lines in bold), a line to answer as the logged-in user, and the number of readers' lines not
 * yet seen in the part's label ("Chat (2)") — noticeable, but not an alarm: no colour, no sound. When the
 * workbench does not publish, or no case is open, it says so and the answer line is disabled.
 */
public class OrChatView extends Composite {

    static final String TITLE = "Chat";

    private final OrChat chat;
    private final Consumer<String> label;
    private final ChatUnread unread;
    private final Label header;
    private final Table table;
    private final Text answer;
    private final Button send;
    private final Label status;
    private final org.eclipse.swt.graphics.Font bold;
    private final Runnable changed = this::changedLater;
    private String shownLabel;

    /** {@code label} receives the part's label whenever the unread count changes. */
    public OrChatView(Composite parent, OrChat chat, Consumer<String> label) {
        this(parent, chat, new ChatUnread(), label);
    }

    /** With the unread count shared with whatever else shows it (the addon keeping the tab's label). */
    public OrChatView(Composite parent, OrChat chat, ChatUnread unread, Consumer<String> label) {
        super(parent, SWT.NONE);
        this.chat = chat;
        this.unread = unread;
        this.label = label;
        setLayout(new GridLayout(2, false));
        header = new Label(this, SWT.WRAP);
        header.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        table = new Table(this, SWT.BORDER | SWT.FULL_SELECTION | SWT.V_SCROLL);
        table.setHeaderVisible(true);
        table.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true, 2, 1));
        for (String[] c : new String[][] { { "Case time", "75" }, { "From", "110" }, { "Text", "420" } }) {
            TableColumn tc = new TableColumn(table, SWT.LEFT);
            tc.setText(c[0]);
            tc.setWidth(Integer.parseInt(c[1]));
        }
        org.eclipse.swt.graphics.FontData fd = table.getFont().getFontData()[0];
        bold = new org.eclipse.swt.graphics.Font(getDisplay(), fd.getName(), fd.getHeight(), SWT.BOLD);
        answer = new Text(this, SWT.BORDER);
        answer.setMessage("answer the reading room (Enter sends)");
        answer.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        answer.addListener(SWT.DefaultSelection, e -> send());
        send = new Button(this, SWT.PUSH);
        send.setText("Send");
        send.addListener(SWT.Selection, e -> send());
        status = new Label(this, SWT.NONE);
        status.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
        // looking at the chat (a click in it, typing an answer) is having read it
        table.addListener(SWT.MouseDown, e -> markRead());
        answer.addListener(SWT.FocusIn, e -> markRead());
        chat.addListener(changed);
        addListener(SWT.Dispose, e -> {
            chat.removeListener(changed);
            bold.dispose();
        });
        refresh();
    }

    private void changedLater() {
        if (!isDisposed()) {
            getDisplay().asyncExec(() -> {
                if (!isDisposed()) {
                    refresh();
                }
            });
        }
    }

    /** Brings the lines, the header and the label up to date (on the UI thread). */
    public void refresh() {
        String why = chat.unavailable();
        boolean available = why.isEmpty();
        header.setText(available ? "Case " + chat.caseId().orElse("") + " · chat with the reading room · times on the case clock · "
                + "every line goes into the case's event log" : why);
        answer.setEnabled(available);
        send.setEnabled(available);
        List<ChatLine> lines = chat.lines();
        table.setItemCount(lines.size());
        for (int i = 0; i < lines.size(); i++) {
            ChatLine l = lines.get(i);
            TableItem item = table.getItem(i);
            item.setText(new String[] { ChatLine.clock(l.caseSeconds()), l.author(), l.text() + (l.inEventLog() ? "" : "  (not in the event log)") });
            item.setFont(l.fromReader() ? bold : null);
        }
        if (!lines.isEmpty()) {
            table.setTopIndex(lines.size() - 1);
        }
        updateLabel(lines);
        layout(true, true);
    }

    /** The technologist has seen every line (the part got focus, a click in the chat, typing an answer). */
    public void markRead() {
        unread.markRead(chat.caseId().orElse(null), chat.lines());
        updateLabel(chat.lines());
    }

    private void updateLabel(List<ChatLine> lines) {
        String l = ChatUnread.label(TITLE, unread.unread(chat.caseId().orElse(null), lines));
        if (!l.equals(shownLabel)) {
            shownLabel = l;
            label.accept(l);
        }
    }

    private void send() {
        String text = answer.getText();
        if (text.isBlank()) {
            return;
        }
        try {
            chat.send(text);
            answer.setText("");
            status.setText("");
            markRead();
        } catch (RuntimeException e) { // nobody logged in, session locked, case closed: say so, keep the text
            status.setText("not sent: " + e.getMessage());
        }
        refresh();
    }

    // ---- for tests -----------------------------------------------------------------------------

    String headerText() {
        return header.getText();
    }

    Table table() {
        return table;
    }

    Text answerText() {
        return answer;
    }

    Button sendButton() {
        return send;
    }

    String statusText() {
        return status.getText();
    }
}
