package org.openionm.readingroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A reader's model of one live case, what a reading-room view binds to: the descriptor, channels,
 * every QoS 1 message per stream in sequence order (alarms, events, chat, measurements, trends,
 * averages — de-duplicated: live and history deliveries meet here), the latest measurement and average
 * per key, gaps detected by sequence number, and the connection state. Thread-safe; listeners are
 * called outside the lock.
 *
 * @since 0.2.0
 */
public final class CaseModel {

    private final String caseId;
    private final ReadingRoom room;
    private final List<CaseModelListener> listeners = new CopyOnWriteArrayList<>();
    private final Map<String, Map<String, TreeMap<Long, CaseMessage>>> streams = new LinkedHashMap<>(); // stream → epoch → seq
    private final Map<String, Long> lastTraceSeq = new LinkedHashMap<>(); // epoch → seq
    private final List<SequenceGap> traceGaps = new ArrayList<>();
    private final Map<String, CaseMessage> latestMeasurements = new LinkedHashMap<>();
    private final Map<String, CaseMessage> latestAverages = new LinkedHashMap<>();
    private final List<String> epochs = new ArrayList<>();
    private CaseDescriptor descriptor;
    private List<Map<String, Object>> channels = List.of();
    private long traceFrames;
    private boolean readerConnected;
    private String orStatus = "unknown";
    private Instant lostSince;
    private String reason = "";
    private String accessProblem = "";

    CaseModel(String caseId, ReadingRoom room) {
        this.caseId = caseId;
        this.room = room;
    }

    public String caseId() {
        return caseId;
    }

    public void addListener(CaseModelListener l) {
        listeners.add(l);
    }

    public void removeListener(CaseModelListener l) {
        listeners.remove(l);
    }

    public synchronized Optional<CaseDescriptor> descriptor() {
        return Optional.ofNullable(descriptor);
    }

    public synchronized List<Map<String, Object>> channels() {
        return channels;
    }

    /** The messages of a QoS 1 stream received so far, publisher sessions in order of first arrival, each by sequence number. */
    public synchronized List<CaseMessage> messages(String stream) {
        List<CaseMessage> out = new ArrayList<>();
        Map<String, TreeMap<Long, CaseMessage>> byEpoch = streams.getOrDefault(stream, Map.of());
        for (String epoch : epochs) {
            TreeMap<Long, CaseMessage> m = byEpoch.get(epoch);
            if (m != null) {
                out.addAll(m.values());
            }
        }
        return out;
    }

    public List<CaseMessage> alarms() {
        return messages(Topics.ALARM);
    }

    public List<CaseMessage> events() {
        return messages(Topics.EVENT);
    }

    /** Chat lines of the OR and every reader, in the order of their senders' wall clocks (several publishers: no common sequence). */
    public List<CaseMessage> chat() {
        List<CaseMessage> all = new ArrayList<>(messages(Topics.CHAT));
        all.sort(java.util.Comparator.comparingLong(CaseMessage::wallMillis));
        return all;
    }

    /** The newest measurement per modality/site/channel/component. */
    public synchronized Map<String, CaseMessage> latestMeasurements() {
        return Map.copyOf(latestMeasurements);
    }

    /** The newest average per modality/site/channel. */
    public synchronized Map<String, CaseMessage> latestAverages() {
        return Map.copyOf(latestAverages);
    }

    public synchronized long traceFramesReceived() {
        return traceFrames;
    }

    /**
     * Gaps: for QoS 1 streams the sequence numbers missing below the highest received (they close when
     * the history fills them: then they are no longer listed); for trace frames every jump seen, kept.
     * Measurements and averages are latest-value streams (the OR's history keeps the newest per key), so
     * their numbering is not checked.
     */
    public synchronized List<SequenceGap> gaps() {
        List<SequenceGap> out = new ArrayList<>();
        streams.forEach((stream, byEpoch) -> byEpoch.forEach((epoch, m) -> {
            if (latestValue(stream)) {
                return;
            }
            long expected = 1;
            for (long seq : m.keySet()) {
                if (seq > expected) {
                    out.add(new SequenceGap(stream, epoch, expected, seq - 1, false));
                }
                expected = seq + 1;
            }
        }));
        out.addAll(traceGaps);
        return out;
    }

    public synchronized ConnectionState connection() {
        return new ConnectionState(readerConnected, orStatus, lostSince, reason);
    }

    /** Why the broker refused this case to this reader ("" when it did not). */
    public synchronized String accessProblem() {
        return accessProblem;
    }

    /** Asks the OR for samples {@code first}.. of a channel at the full rate (raw on demand). */
    public RawWindow requestRaw(int channel, long first, int count, long timeoutMs) throws InterruptedException {
        return room.requestRaw(caseId, channel, first, count, timeoutMs);
    }

    /** Acknowledges an alarm at the OR, attributed to this reader's user. */
    public void acknowledge(CaseMessage alarm, String note) {
        room.acknowledge(caseId, alarm, note);
    }

    /** Sends a chat line to the OR (kept in the case's event log there). */
    public void chat(String text) {
        room.chat(caseId, text);
    }

    // ---- fed by ReadingRoom ----------------------------------------------------------------------

    /** Samples of one channel from the OR's raw ring. */
    public record RawWindow(int channel, long first, double rate, float[] samples) {
    }

    void accept(CaseMessage m) {
        SequenceGap gap = null;
        boolean isNew;
        synchronized (this) {
            if (!epochs.contains(m.epoch())) {
                epochs.add(m.epoch());
            }
            switch (m.stream()) {
                case Topics.DESCRIPTOR -> {
                    descriptor = toDescriptor(m);
                    isNew = true;
                }
                case Topics.CHANNELS -> {
                    @SuppressWarnings("unchecked")
                    List<Map<String, Object>> list = (List<Map<String, Object>>) m.body().getOrDefault("channels", List.of());
                    channels = List.copyOf(list);
                    isNew = true;
                }
                case Topics.STATUS -> {
                    orStatus = m.text("status");
                    isNew = true;
                    updateLost(Instant.ofEpochMilli(m.wallMillis()), "OR " + orStatus);
                }
                case Topics.TRACE -> {
                    Long last = lastTraceSeq.get(m.epoch());
                    if (last != null && m.sequence() <= last) {
                        isNew = false;
                    } else {
                        if (last != null && m.sequence() > last + 1) {
                            gap = new SequenceGap(Topics.TRACE, m.epoch(), last + 1, m.sequence() - 1, false);
                            traceGaps.add(gap);
                        }
                        lastTraceSeq.put(m.epoch(), m.sequence());
                        traceFrames++;
                        isNew = true;
                    }
                }
                default -> {
                    TreeMap<Long, CaseMessage> seqs = streams.computeIfAbsent(m.stream(), s -> new LinkedHashMap<>())
                            .computeIfAbsent(m.epoch(), e -> new TreeMap<>());
                    isNew = seqs.putIfAbsent(m.sequence(), m) == null;
                    if (isNew && !latestValue(m.stream()) && seqs.lastKey() == m.sequence() && seqs.size() > 1) {
                        long previous = seqs.lowerKey(m.sequence());
                        if (m.sequence() > previous + 1) {
                            gap = new SequenceGap(m.stream(), m.epoch(), previous + 1, m.sequence() - 1, false);
                        }
                    }
                    if (isNew && Topics.MEASUREMENT.equals(m.stream())) {
                        latestMeasurements.merge(key(m, "modality", "site", "channel", "component"), m, this::newer);
                    } else if (isNew && Topics.AVERAGE.equals(m.stream())) {
                        latestAverages.merge(key(m, "modality", "site", "channel"), m, this::newer);
                    }
                }
            }
        }
        if (isNew) {
            listeners.forEach(l -> l.received(this, m));
        }
        if (gap != null) {
            SequenceGap g = gap;
            listeners.forEach(l -> l.gap(this, g));
        }
    }

    private static boolean latestValue(String stream) {
        return Topics.MEASUREMENT.equals(stream) || Topics.AVERAGE.equals(stream);
    }

    /** For Map.merge: keeps the later of two messages (publisher session, then sequence number). */
    private CaseMessage newer(CaseMessage old, CaseMessage candidate) {
        int c = Integer.compare(epochs.indexOf(candidate.epoch()), epochs.indexOf(old.epoch()));
        if (c == 0) {
            c = Long.compare(candidate.sequence(), old.sequence());
        }
        return c > 0 ? candidate : old;
    }

    private static String key(CaseMessage m, String... fields) {
        StringBuilder sb = new StringBuilder();
        for (String f : fields) {
            if (!sb.isEmpty()) {
                sb.append('/');
            }
            sb.append(m.text(f));
        }
        return sb.toString();
    }

    @SuppressWarnings("unchecked")
    private static CaseDescriptor toDescriptor(CaseMessage m) {
        return new CaseDescriptor(m.text("caseId"), m.text("procedure"), m.text("room"),
                ((List<Object>) m.body().getOrDefault("modalities", List.of())).stream().map(Object::toString).toList(),
                ((List<Object>) m.body().getOrDefault("team", List.of())).stream().map(Object::toString).toList());
    }

    void readerConnection(boolean connected, String why) {
        synchronized (this) {
            readerConnected = connected;
            updateLost(Instant.now(), why);
        }
        ConnectionState s = connection();
        listeners.forEach(l -> l.connectionChanged(this, s));
    }

    void denied(String problem) {
        synchronized (this) {
            accessProblem = problem;
        }
    }

    private void updateLost(Instant now, String why) {
        boolean ok = readerConnected && !"offline".equals(orStatus);
        if (ok) {
            lostSince = null;
            reason = "";
        } else if (lostSince == null) {
            lostSince = now;
            reason = readerConnected ? why : "reading room: " + why;
        }
    }
}
