package org.openionm.readingroom.view;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseDescriptor;
import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.CaseModel;
import org.openionm.readingroom.CaseModelListener;
import org.openionm.readingroom.ConnectionState;
import org.openionm.readingroom.ReadingRoom;
import org.openionm.readingroom.Topics;

/**
 * A reader's desk: one {@link ReadingRoom} connection, the cases the reader opened side by side (each
 * a {@link CaseModel} and the reader's own {@link CaseView}), the alarm list across them, and the
 * actions — acknowledge, chat. Everything the reading-room perspective shows comes from here, so it
 * is tested without a display. Listeners hear every change on the MQTT thread.
 *
 * @since 0.2.0
 */
public final class ReadingDesk implements AutoCloseable {

    /** A case open on the desk: its model and the reader's view of it. */
    public record Column(CaseModel model, CaseView view) {
        public String caseId() {
            return model.caseId();
        }
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final ReadingRoom room;
    private final String reader;
    private final List<Column> columns = new CopyOnWriteArrayList<>();
    private final List<CaseModelListener> listeners = new CopyOnWriteArrayList<>();
    private final CaseModelListener feed = new CaseModelListener() {
        @Override
        public void received(CaseModel model, CaseMessage message) {
            Column c = column(model.caseId());
            if (c != null) {
                if (Topics.CHANNELS.equals(message.stream())) {
                    c.view().channelsAvailable(model.channels().size());
                }
                c.view().accept(message);
            }
            listeners.forEach(l -> l.received(model, message));
        }

        @Override
        public void connectionChanged(CaseModel model, ConnectionState state) {
            listeners.forEach(l -> l.connectionChanged(model, state));
        }

        @Override
        public void gap(CaseModel model, org.openionm.readingroom.SequenceGap gap) {
            listeners.forEach(l -> l.gap(model, gap));
        }
    };

    private ReadingDesk(ReadingRoom room, String reader) {
        this.room = room;
        this.reader = reader;
    }

    /** Connects (in the background, reconnecting after any loss) as the settings' user (or client id). */
    public static ReadingDesk connect(BrokerSettings settings) {
        return new ReadingDesk(ReadingRoom.connect(settings), settings.user() == null ? settings.clientId() : settings.user());
    }

    public ReadingRoom room() {
        return room;
    }

    /** Who acknowledges and chats from this desk. */
    public String reader() {
        return reader;
    }

    public void addListener(CaseModelListener l) {
        listeners.add(l);
    }

    public void removeListener(CaseModelListener l) {
        listeners.remove(l);
    }

    /** The live cases the reader may see, sorted by room then case id. */
    public List<CaseDescriptor> liveCases() {
        List<CaseDescriptor> out = new ArrayList<>(room.liveCases().values());
        out.sort(java.util.Comparator.comparing(CaseDescriptor::room).thenComparing(CaseDescriptor::caseId));
        return out;
    }

    /** Opens a case in a new column at the right (or returns its column when it is open). */
    public synchronized Column open(String caseId) {
        Column existing = column(caseId);
        if (existing != null) {
            return existing;
        }
        CaseView view = new CaseView(caseId);
        CaseModel model = room.open(caseId);
        Column c = new Column(model, view);
        columns.add(c);
        model.addListener(feed);
        // what arrived before the listener was added
        view.channelsAvailable(model.channels().size());
        model.messages(Topics.MEASUREMENT).forEach(view::accept);
        model.messages(Topics.TREND).forEach(view::accept);
        return c;
    }

    /** Takes a case off the desk (its column); the connection keeps it subscribed until the desk closes. */
    public synchronized void close(String caseId) {
        Column c = column(caseId);
        if (c != null) {
            c.model().removeListener(feed);
            columns.remove(c);
        }
    }

    public List<Column> columns() {
        return List.copyOf(columns);
    }

    public Column column(String caseId) {
        for (Column c : columns) {
            if (c.caseId().equals(caseId)) {
                return c;
            }
        }
        return null;
    }

    /** One list of the alarms of every open case (see {@link AlarmBoard}). */
    public List<AlarmRow> alarmRows() {
        return AlarmBoard.rows(columns.stream().map(Column::model).toList());
    }

    /** Acknowledges an alarm at its OR, attributed there to this reader ("reading room: &lt;user&gt;"). */
    public void acknowledge(AlarmRow row, String note) {
        Column c = Objects.requireNonNull(column(row.caseId()), () -> "case " + row.caseId() + " is not open");
        c.model().acknowledge(row.latest(), note);
    }

    /** Sends a chat line to a case's OR. */
    public void chat(String caseId, String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an empty chat line is not sent");
        }
        Column c = Objects.requireNonNull(column(caseId), () -> "case " + caseId + " is not open");
        c.model().chat(text.strip());
    }

    /** The case's chat as lines "14:03:12 dr-reader: text" in the reader's time zone. */
    public List<String> chatLines(String caseId, ZoneId zone) {
        Column c = column(caseId);
        if (c == null) {
            return List.of();
        }
        return c.model().chat().stream()
                .map(m -> CLOCK.format(java.time.Instant.ofEpochMilli(m.wallMillis()).atZone(zone)) + " " + m.text("author") + ": "
                        + m.text("text"))
                .toList();
    }

    /** "live" or "connection lost since hh:mm:ss (…)" for a column. */
    public String connectionText(String caseId, ZoneId zone) {
        Column c = column(caseId);
        return c == null ? "" : ConnectionText.of(c.model().connection(), zone);
    }

    /** The case as a column header names it: room · case id — procedure. */
    public static String title(CaseModel m) {
        return m.descriptor().map(d -> (d.room().isEmpty() ? "" : d.room() + " · ") + d.caseId()
                + (d.procedure().isEmpty() ? "" : " — " + d.procedure())).orElse(m.caseId());
    }

    /** Labels of the OR's channels, in index order. */
    public static List<String> channelLabels(CaseModel m) {
        return m.channels().stream().map(ch -> String.valueOf(ch.getOrDefault("label", "?"))).toList();
    }

    @Override
    public void close() {
        columns.forEach(c -> c.model().removeListener(feed));
        columns.clear();
        room.close();
    }
}
