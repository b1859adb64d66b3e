package org.openionm.readingroom.cases.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.alarm.AlarmManager;
import org.openionm.cases.CaseEvent;
import org.openionm.cases.CaseWorkbench;
import org.openionm.cases.EventType;
import org.openionm.cases.MonitoringCase;
import org.openionm.processing.ProcessorHost;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseDescriptor;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.OrPublisher;
import org.openionm.readingroom.cases.ChatLine;
import org.openionm.readingroom.cases.OrChat;

/**
 * The OR side of the reading room in the workbench: while a case is open it is published (an
 * {@link OrPublisher} on the engine, the processor host and the alarm manager — whichever are there),
 * every event-log entry goes to the readers, readers' acknowledgements go to the alarm manager, and a
 * reader's chat line is kept in the case's event log as a note ("Reading room chat, dr-smith: …"), so
 * the conversation is part of the case record, its recording's annotations and the report. Monitoring
 * never waits for the broker (OrPublisher's rule). No patient identifier leaves: the descriptor holds
 * the case id, the procedure, the room and the team's roles only.
 */
public final class CasePublishing implements CaseWorkbench.Listener, OrChat, AutoCloseable {

    /** The prefix of a reader's chat line in the event log. */
    static final String CHAT_PREFIX = ChatLine.NOTE_PREFIX;
    static final String NO_CASE = "No case is open: the chat with the reading room shows here while a case is open "
            + "(Setup ▸ Cases).";
    private static final System.Logger LOG = System.getLogger(CasePublishing.class.getName());

    private final CaseWorkbench workbench;
    private final AcquisitionEngine engine;
    private final ProcessorHost host;
    private final AlarmManager alarms;
    private final BrokerSettings broker;
    private final String room;
    private OrPublisher publisher;
    private ConsumerRegistration consumer;
    private String publishedCase;
    // the open case's chat as the OR shows it: read back from the event log at start, then as lines come and go
    private final List<ChatLine> chatLines = new java.util.ArrayList<>();
    private final List<Runnable> chatListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** Any of engine, host, alarms may be null (then that part is not published). */
    public CasePublishing(CaseWorkbench workbench, AcquisitionEngine engine, ProcessorHost host, AlarmManager alarms,
            BrokerSettings broker, String room) {
        this.workbench = workbench;
        this.engine = engine;
        this.host = host;
        this.alarms = alarms;
        this.broker = broker;
        this.room = room == null ? "" : room;
        workbench.addListener(this);
        caseChanged(workbench.currentCase());
    }

    /** The event-log text of a reader's chat line. */
    static String chatNote(CaseMessage chat) {
        return ChatLine.noteText(chat.text("author"), chat.text("text"));
    }

    @Override
    public synchronized void caseChanged(Optional<MonitoringCase> current) {
        String id = current.map(MonitoringCase::id).orElse(null);
        if (id != null && id.equals(publishedCase)) {
            return;
        }
        stop();
        if (id != null) {
            start(current.get());
        }
        fireChat();
    }

    @Override
    public void eventLogged(CaseEvent event) {
        OrPublisher p;
        synchronized (this) {
            p = event.caseId().equals(publishedCase) ? publisher : null;
        }
        if (p != null) {
            p.logEntry(event.caseTimeSeconds(), event.type().label(), event.text(), event.author());
        }
    }

    private void start(MonitoringCase c) {
        List<String> modalities = host == null ? List.of() : List.copyOf(host.processorIds());
        CaseDescriptor d = new CaseDescriptor(c.id(), c.details().procedure().description(), room, modalities,
                c.details().team().stream().map(m -> m.role().toString()).toList());
        OrPublisher p = new OrPublisher(broker.withClientId(clientId(c.id())), d, OrPublisher.Options.defaults());
        p.onReaderChat(this::readerChat);
        if (alarms != null) {
            p.acknowledgeInto(alarms, () -> engine == null ? Double.NaN : engine.caseClock().now());
            alarms.addListener(p);
        }
        if (host != null) {
            host.addListener(p);
        }
        if (engine != null) {
            consumer = engine.addConsumer("reading-room", p, 256);
        }
        chatLines.clear();
        for (CaseEvent e : workbench.events()) { // a case reopened after a restart: its chat so far
            ChatLine.of(e).ifPresent(chatLines::add);
        }
        publisher = p.start();
        publishedCase = c.id();
    }

    private void readerChat(CaseMessage chat) {
        ChatLine line;
        try { // entered as the workbench's session actor (the technologist); the text and the fields name the reader
            CaseEvent e = workbench.log(EventType.NOTE, Map.of(ChatLine.FROM_FIELD, "reader", ChatLine.AUTHOR_FIELD, chat.text("author")),
                    chatNote(chat));
            line = ChatLine.of(e).orElseThrow();
        } catch (RuntimeException e) { // no case open any more, or nobody logged in: shown at the OR, not in the log
            LOG.log(System.Logger.Level.WARNING, "reading room: a chat line from " + chat.text("author")
                    + " could not be entered in the event log: " + e.getMessage());
            line = new ChatLine(engine == null ? Double.NaN : engine.caseClock().now(), chat.text("author"), true, chat.text("text"), false);
        }
        synchronized (this) {
            if (!chat.caseId().equals(publishedCase)) {
                return;
            }
            chatLines.add(line);
        }
        fireChat();
    }

    // ---- OrChat ----------------------------------------------------------------------------------

    @Override
    public synchronized String unavailable() {
        return publishedCase == null ? NO_CASE : "";
    }

    @Override
    public synchronized Optional<String> caseId() {
        return Optional.ofNullable(publishedCase);
    }

    @Override
    public synchronized List<ChatLine> lines() {
        return List.copyOf(chatLines);
    }

    @Override
    public ChatLine send(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("an empty chat line is not sent");
        }
        OrPublisher p;
        String caseId;
        synchronized (this) {
            p = publisher;
            caseId = publishedCase;
        }
        if (p == null) {
            throw new IllegalStateException(NO_CASE);
        }
        String user = workbench.session().actor().username(); // throws when nobody is logged in or the session is locked
        // the case record first: a line the readers got is always in the event log
        CaseEvent e = workbench.log(EventType.NOTE, Map.of(ChatLine.FROM_FIELD, "or", ChatLine.AUTHOR_FIELD, user),
                ChatLine.noteText(user, t));
        ChatLine line = ChatLine.of(e).orElseThrow();
        p.chat(e.caseTimeSeconds(), user, t);
        synchronized (this) {
            if (caseId.equals(publishedCase)) {
                chatLines.add(line);
            }
        }
        fireChat();
        return line;
    }

    @Override
    public void addListener(Runnable listener) {
        chatListeners.add(listener);
    }

    @Override
    public void removeListener(Runnable listener) {
        chatListeners.remove(listener);
    }

    private void fireChat() {
        for (Runnable r : chatListeners) {
            try {
                r.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "reading room: a chat listener failed: " + e);
            }
        }
    }

    private static String clientId(String caseId) {
        String id = "or-" + caseId;
        return id.length() > 64 ? id.substring(0, 64) : id;
    }

    private void stop() {
        if (publisher == null) {
            return;
        }
        if (alarms != null) {
            alarms.removeListener(publisher);
        }
        if (host != null) {
            host.removeListener(publisher);
        }
        if (consumer != null) {
            consumer.close();
            consumer = null;
        }
        publisher.close();
        publisher = null;
        publishedCase = null;
        chatLines.clear();
    }

    /** The publisher of the open case (tests). */
    synchronized Optional<OrPublisher> publisher() {
        return Optional.ofNullable(publisher);
    }

    @Override
    public synchronized void close() {
        workbench.removeListener(this);
        stop();
    }
}
