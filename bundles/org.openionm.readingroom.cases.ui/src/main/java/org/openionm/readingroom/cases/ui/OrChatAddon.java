package org.openionm.readingroom.cases.ui;

import java.util.List;

import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.core.di.extensions.Service;
import org.eclipse.e4.ui.di.UISynchronize;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.model.application.ui.basic.MPart;
import org.eclipse.e4.ui.workbench.modeling.EModelService;
import org.openionm.readingroom.cases.ChatUnread;
import org.openionm.readingroom.cases.OrChat;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;

/**
 * Keeps the Chat tab's label ("Chat (2)") up to date from start-up: a part in a stack is only created when
 * its tab is first shown, so without this a reader's line would go unnoticed until someone opened the tab.
 * The unread count is one {@link ChatUnread} in the application's context, shared with the part.
 */
public class OrChatAddon {

    static final String PART_ID = "org.openionm.readingroom.cases.ui.part.chat";

    private final ChatUnread unread = new ChatUnread();

    @Inject
    MApplication app;

    @Inject
    EModelService models;

    @Inject
    UISynchronize sync;

    private OrChat chat;
    private final Runnable changed = () -> sync.asyncExec(this::update);

    @PostConstruct
    void start(IEclipseContext context) {
        context.set(ChatUnread.class, unread);
    }

    @Inject
    void chat(@Optional @Service OrChat c) {
        if (chat != null) {
            chat.removeListener(changed);
        }
        chat = c;
        if (c != null) {
            c.addListener(changed);
            sync.asyncExec(this::update);
        }
    }

    private void update() {
        OrChat c = chat;
        if (c == null) {
            return;
        }
        String label = ChatUnread.label(OrChatView.TITLE, unread.unread(c.caseId().orElse(null), c.lines()));
        List<MPart> parts = models.findElements(app, PART_ID, MPart.class, null, EModelService.ANYWHERE);
        for (MPart p : parts) {
            if (!label.equals(p.getLabel())) {
                p.setLabel(label);
            }
        }
    }

    @PreDestroy
    void stop() {
        if (chat != null) {
            chat.removeListener(changed);
        }
    }
}
