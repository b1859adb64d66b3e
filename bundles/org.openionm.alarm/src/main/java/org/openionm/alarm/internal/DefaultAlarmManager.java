package org.openionm.alarm.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

import org.openionm.alarm.Acknowledgement;
import org.openionm.alarm.Alarm;
import org.openionm.alarm.AlarmKey;
import org.openionm.alarm.AlarmListener;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmLogEntry.Event;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmSnapshot;
import org.openionm.alarm.AlarmState;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AlarmCondition.Priority;

/**
 * Plain-Java alarm manager (no OSGi, testable headless). One lock guards alarms, log and audio
 * pause; listeners are called after it is released, in change order.
 */
public class DefaultAlarmManager implements AlarmManager {

    /** Default longest audio pause (typical monitor limit, textbook); a site may configure it. */
    public static final Duration DEFAULT_MAX_SILENCE = Duration.ofMinutes(2);

    private static final Comparator<Alarm> DISPLAY_ORDER = Comparator.comparing(Alarm::priority)
            .thenComparing(Comparator.comparingDouble(Alarm::alertSeconds).reversed())
            .thenComparing(Alarm::key);

    /** Log note of alarms closed because a new acquisition starts fresh. */
    static final String FRESH_START_NOTE = "new acquisition started fresh: alarms of the previous run closed";

    private final Object lock = new Object();
    private final Map<AlarmKey, Alarm> alarms = new HashMap<>();
    private final List<AlarmLogEntry> log = new ArrayList<>();
    private final List<AlarmListener> listeners = new CopyOnWriteArrayList<>();
    private final SerialNotifier notifier = new SerialNotifier();
    private final TechnicalAlarms technical;
    private final CauteryGrouping cautery;
    private final double maxSilenceSeconds;

    // guarded by lock
    private double now;
    private double pausedUntil = Double.NaN;
    private long revision;
    private List<AlarmLogEntry> changeEntries = new ArrayList<>();
    private boolean changed;

    public DefaultAlarmManager() {
        this(TechnicalAlarms.DEFAULT_PRIORITIES, DEFAULT_MAX_SILENCE);
    }

    public DefaultAlarmManager(Map<DriverHealth.Condition, Priority> technicalPriorities, Duration maxSilence) {
        this.technical = new TechnicalAlarms(technicalPriorities);
        this.cautery = new CauteryGrouping(CauteryGrouping.DEFAULT_MIN_CHANNELS, CauteryGrouping.DEFAULT_HOLD_SECONDS,
                technicalPriorities.get(DriverHealth.Condition.SATURATION));
        if (maxSilence.isNegative() || maxSilence.isZero()) {
            throw new IllegalArgumentException("maxSilence must be positive, was " + maxSilence);
        }
        this.maxSilenceSeconds = maxSilence.toNanos() / 1e9;
    }

    @Override
    public void onCondition(AlarmCondition c) {
        Objects.requireNonNull(c, "condition");
        synchronized (lock) {
            advance(c.timeSeconds());
            apply(c);
            publish();
        }
        notifier.drain();
    }

    @Override
    public void onHealth(DriverHealth health, double timeSeconds, String channelLabel) {
        AlarmCondition condition = technical.toCondition(Objects.requireNonNull(health, "health"), timeSeconds, channelLabel);
        if (health.condition() != DriverHealth.Condition.SATURATION || health.channel() == DriverHealth.WHOLE_DEVICE) {
            onCondition(condition);
            return;
        }
        // per-channel saturation is grouped: many channels at once is electrocautery, one alarm per burst
        synchronized (lock) {
            advance(timeSeconds);
            cautery.onSaturation(condition.channel(), health.active(), timeSeconds, health.detail()).forEach(this::apply);
            publish();
        }
        notifier.drain();
    }

    @Override
    public boolean acknowledge(AlarmKey key, String user, double timeSeconds, String note) {
        Acknowledgement ack = new Acknowledgement(user, timeSeconds, note);
        boolean done;
        synchronized (lock) {
            advance(timeSeconds);
            Alarm alarm = alarms.get(key);
            done = alarm != null && alarm.acknowledgement() == null;
            if (done) {
                acknowledge(alarm, ack);
            }
            publish();
        }
        notifier.drain();
        return done;
    }

    @Override
    public int acknowledgeAll(String user, double timeSeconds, String note) {
        Acknowledgement ack = new Acknowledgement(user, timeSeconds, note);
        int count = 0;
        synchronized (lock) {
            advance(timeSeconds);
            // Display order so the log reads like the list the user saw.
            for (Alarm alarm : sortedAlarms()) {
                if (alarm.acknowledgement() == null) {
                    acknowledge(alarm, ack);
                    count++;
                }
            }
            publish();
        }
        notifier.drain();
        return count;
    }

    @Override
    public void silence(Duration duration, String user, double timeSeconds) {
        double seconds = duration.toNanos() / 1e9;
        if (seconds <= 0 || seconds > maxSilenceSeconds) {
            throw new IllegalArgumentException("audio pause must be in (0, " + maxSilenceSeconds + "] s, was " + seconds);
        }
        requireUser(user);
        synchronized (lock) {
            advance(timeSeconds);
            pausedUntil = now + seconds; // now >= timeSeconds: a late caller cannot shorten the pause
            record(timeSeconds, Event.AUDIO_PAUSED, null, user, "",
                    "audio paused " + seconds + " s until " + pausedUntil);
            publish();
        }
        notifier.drain();
    }

    @Override
    public void resumeAudio(String user, double timeSeconds) {
        requireUser(user);
        synchronized (lock) {
            advance(timeSeconds);
            if (!Double.isNaN(pausedUntil)) {
                endPause(timeSeconds, user, "resumed by user");
            }
            publish();
        }
        notifier.drain();
    }

    @Override
    public void advanceTo(double timeSeconds) {
        synchronized (lock) {
            advance(timeSeconds);
            publish();
        }
        notifier.drain();
    }

    @Override
    public void restartCaseTime(double timeSeconds) {
        if (Double.isNaN(timeSeconds)) {
            throw new IllegalArgumentException("case time is NaN");
        }
        synchronized (lock) {
            if (!Double.isNaN(pausedUntil)) {
                pausedUntil = timeSeconds + Math.max(0, pausedUntil - now);
            }
            now = timeSeconds;
            changed = true;
            publish();
        }
        notifier.drain();
    }

    @Override
    public int closeAllForFreshStart(String user, double timeSeconds) {
        requireUser(user);
        int count;
        synchronized (lock) {
            advance(timeSeconds);
            List<Alarm> listed = sortedAlarms();
            count = listed.size();
            for (Alarm alarm : listed) {
                Alarm closed = new Alarm(alarm.key(), alarm.priority(), AlarmState.CLOSED, alarm.raisedSeconds(),
                        alarm.alertSeconds(), now, alarm.values(), alarm.baseline(), alarm.provenance(),
                        alarm.acknowledgement());
                put(closed);
                recordAlarm(now, Event.CLOSED, closed, user, FRESH_START_NOTE);
            }
            if (!Double.isNaN(pausedUntil)) {
                endPause(now, user, FRESH_START_NOTE);
            }
            cautery.reset();
            changed = true;
            publish();
        }
        notifier.drain();
        return count;
    }

    @Override
    public AlarmSnapshot snapshot() {
        synchronized (lock) {
            return snapshotLocked();
        }
    }

    @Override
    public List<AlarmLogEntry> log() {
        synchronized (lock) {
            return List.copyOf(log);
        }
    }

    @Override
    public List<AlarmLogEntry> log(AlarmKey key) {
        synchronized (lock) {
            return log.stream().filter(e -> key.equals(e.key())).toList();
        }
    }

    @Override
    public void addListener(AlarmListener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    @Override
    public void removeListener(AlarmListener listener) {
        listeners.remove(listener);
    }

    // --- state machine, all under lock ---

    private void apply(AlarmCondition c) {
        AlarmKey key = AlarmKey.of(c);
        Alarm old = alarms.get(key);
        double t = c.timeSeconds();
        if (!c.active()) {
            if (old == null || !old.conditionActive()) {
                return; // nothing listed, or already latched: clearing twice changes nothing
            }
            boolean acked = old.acknowledgement() != null;
            Alarm cleared = new Alarm(key, old.priority(), acked ? AlarmState.CLOSED : AlarmState.CLEARED_UNACKNOWLEDGED,
                    old.raisedSeconds(), old.alertSeconds(), t, c.values(), c.baseline(), c.provenance(),
                    old.acknowledgement());
            put(cleared);
            recordAlarm(t, Event.CLEARED, cleared, "", "");
            if (acked) {
                recordAlarm(t, Event.CLOSED, cleared, "", "");
            }
            return;
        }
        if (old == null || old.state() == AlarmState.CLEARED_UNACKNOWLEDGED) {
            double raised = old == null ? t : old.raisedSeconds();
            Alarm alarm = new Alarm(key, c.priority(), AlarmState.ACTIVE_UNACKNOWLEDGED, raised, t, t,
                    c.values(), c.baseline(), c.provenance(), null);
            put(alarm);
            recordAlarm(t, old == null ? Event.RAISED : Event.RECURRED, alarm, "", "");
            audibleHigh(alarm, t);
            return;
        }
        int cmp = c.priority().compareTo(old.priority()); // negative: higher priority (HIGH is first)
        if (cmp < 0) {
            // Worse: re-alert even if someone had acknowledged the milder alarm.
            Alarm worse = new Alarm(key, c.priority(), AlarmState.ACTIVE_UNACKNOWLEDGED, old.raisedSeconds(), t, t,
                    c.values(), c.baseline(), c.provenance(), null);
            put(worse);
            recordAlarm(t, Event.WORSENED, worse, "", "from " + old.priority());
            audibleHigh(worse, t);
        } else {
            Alarm updated = new Alarm(key, c.priority(), old.state(), old.raisedSeconds(), old.alertSeconds(), t,
                    c.values(), c.baseline(), c.provenance(), old.acknowledgement());
            put(updated);
            if (cmp > 0) {
                recordAlarm(t, Event.IMPROVED, updated, "", "from " + old.priority());
            } else {
                changed = true; // value refresh: listeners see it, the log does not
            }
        }
    }

    private void acknowledge(Alarm alarm, Acknowledgement ack) {
        boolean latched = alarm.state() == AlarmState.CLEARED_UNACKNOWLEDGED;
        Alarm acked = new Alarm(alarm.key(), alarm.priority(),
                latched ? AlarmState.CLOSED : AlarmState.ACTIVE_ACKNOWLEDGED, alarm.raisedSeconds(),
                alarm.alertSeconds(), alarm.updatedSeconds(), alarm.values(), alarm.baseline(), alarm.provenance(), ack);
        put(acked);
        recordAlarm(ack.timeSeconds(), Event.ACKNOWLEDGED, acked, ack.user(), ack.note());
        if (latched) {
            recordAlarm(ack.timeSeconds(), Event.CLOSED, acked, ack.user(), "");
        }
    }

    /** A new HIGH alarm must be heard: it ends an audio pause. */
    private void audibleHigh(Alarm alarm, double t) {
        if (alarm.priority() == Priority.HIGH && !Double.isNaN(pausedUntil)) {
            endPause(t, "", "new HIGH alarm: " + alarm.key().criterion());
        }
    }

    private void advance(double t) {
        if (Double.isNaN(t)) {
            throw new IllegalArgumentException("case time is NaN");
        }
        now = Math.max(now, t);
        if (!Double.isNaN(pausedUntil) && now >= pausedUntil) {
            endPause(pausedUntil, "", "expired");
        }
        cautery.advance(now).forEach(this::apply);
    }

    private void endPause(double t, String user, String reason) {
        pausedUntil = Double.NaN;
        record(t, Event.AUDIO_RESUMED, null, user, reason, "");
    }

    private void put(Alarm alarm) {
        if (alarm.state() == AlarmState.CLOSED) {
            alarms.remove(alarm.key());
        } else {
            alarms.put(alarm.key(), alarm);
        }
        changed = true;
    }

    private void recordAlarm(double t, Event event, Alarm a, String user, String note) {
        add(new AlarmLogEntry(log.size() + 1L, t, event, a.key(), a.priority(), a.state(), user, note,
                a.values(), a.baseline(), a.provenance()));
    }

    private void record(double t, Event event, AlarmKey key, String user, String note, String values) {
        add(new AlarmLogEntry(log.size() + 1L, t, event, key, null, null, user, note, values, "", null));
    }

    private void add(AlarmLogEntry entry) {
        log.add(entry);
        changeEntries.add(entry);
        changed = true;
    }

    /** Queues one notification for everything changed since the last publish. */
    private void publish() {
        if (!changed) {
            return;
        }
        revision++;
        AlarmSnapshot snapshot = snapshotLocked();
        List<AlarmLogEntry> entries = List.copyOf(changeEntries);
        changeEntries = new ArrayList<>();
        changed = false;
        for (AlarmListener l : listeners) {
            notifier.enqueue(() -> l.alarmsChanged(snapshot, entries)); // one task each: a failing listener spares the others
        }
    }

    private List<Alarm> sortedAlarms() {
        return alarms.values().stream().sorted(DISPLAY_ORDER).toList();
    }

    private AlarmSnapshot snapshotLocked() {
        return new AlarmSnapshot(revision, now, sortedAlarms(), pausedUntil);
    }

    private static void requireUser(String user) {
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("user must not be blank");
        }
    }
}
