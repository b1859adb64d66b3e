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

/**
 * The OR side of the reading room in the workbench: while a case is open it is published (an
 * {@link OrPublisher} on the engine, the processor host and the alarm manager — whichever are there),
 * every event-log entry goes to the readers, readers' acknowledgements go to the alarm manager, and a
 * reader's chat line is kept in the case's event log as a note ("Reading room chat, dr-smith: …"), so
 * the conversation is part of the case record, its recording's annotations and the report. Monitoring
 * never waits for the broker (OrPublisher's rule). No patient identifier leaves: the descriptor holds
 * the case id, the procedure, the room and the team's roles only.
 */
public final class CasePublishing implements CaseWorkbench.Listener, AutoCloseable {

    /** The prefix of a reader's chat line in the event log. */
    static final String CHAT_PREFIX = "Reading room chat, ";
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
        return CHAT_PREFIX + chat.text("author") + ": " + chat.text("text");
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
        p.onReaderChat(chat -> {
            try { // entered as the workbench's session actor (the technologist); the text names the reader
                workbench.log(EventType.NOTE, Map.of(), chatNote(chat));
            } catch (RuntimeException e) { // no case open any more, or nobody logged in: the line stays with the readers
                LOG.log(System.Logger.Level.WARNING, "reading room: a chat line from " + chat.text("author")
                        + " could not be entered in the event log: " + e.getMessage());
            }
        });
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
        publisher = p.start();
        publishedCase = c.id();
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
