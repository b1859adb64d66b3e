package org.openionm.readingroom.cases.ui;

import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.Focus;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.openionm.readingroom.cases.ChatUnread;
import org.openionm.readingroom.cases.OrChat;

import jakarta.annotation.PostConstruct;
import jakarta.inject.Inject;

/** The Live perspective's "Chat" tab: the OR's chat with the reading room ({@link OrChatView}); its label counts unread lines. */
public class OrChatPart {

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    @Service
    OrChat chat;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    MPart part;

    @Inject
    @org.eclipse.e4.core.di.annotations.Optional
    ChatUnread unread; // the addon's, so the tab's count is the same whether or not the part was shown yet

    private OrChatView view;

    @PostConstruct
    public void create(Composite parent) {
        parent.setLayout(new FillLayout());
        if (chat == null) {
            Label l = new Label(parent, SWT.WRAP);
            l.setText("The reading-room service is not running in this workbench, so there is no chat with remote readers.");
            return;
        }
        view = new OrChatView(parent, chat, unread == null ? new ChatUnread() : unread, label -> {
            if (part != null) {
                part.setLabel(label);
            }
        });
    }

    @Focus
    public void focus() {
        if (view != null && !view.isDisposed()) {
            view.markRead();
            view.setFocus();
        }
    }
}
