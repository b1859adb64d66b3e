package org.openionm.readingroom;

import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmManager;
import org.openionm.alarm.AlarmManagers;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.Provenance;

/** What the reading-room tests share: an OR (a real alarm manager publishing), known samples, bounded waits. */
final class ReadingRoomFixture {

    static final double RATE = 2000;

    private ReadingRoomFixture() {
    }

    /** An OR: publisher of {@code caseId} listening to a real alarm manager. */
    record Or(OrPublisher publisher, AlarmManager alarms) implements AutoCloseable {
        static Or start(BrokerSettings broker, String caseId) {
            OrPublisher p = new OrPublisher(broker.withClientId("or-" + caseId),
                    new CaseDescriptor(caseId, "posterior spinal fusion", "OR " + caseId, List.of("ssep", "mep"), List.of("CNIM tech")),
                    OrPublisher.Options.defaults());
            AlarmManager m = AlarmManagers.create();
            m.addListener(p);
            p.acknowledgeInto(m, () -> 100);
            return new Or(p.start(), m);
        }

        /** Raises an SSEP amplitude alarm on a channel at time t (the manager's log says what happens). */
        void raise(double t, String channel) {
            alarms.onCondition(new AlarmCondition(t, "ssep", "median.left", channel, "amplitude", AlarmCondition.Priority.HIGH, true,
                    "N20 1.1 µV", "N20 2.4 µV", new Provenance("ssep test", Map.of())));
        }

        void clear(double t, String channel) {
            alarms.onCondition(new AlarmCondition(t, "ssep", "median.left", channel, "amplitude", AlarmCondition.Priority.HIGH, false,
                    "N20 2.3 µV", "N20 2.4 µV", new Provenance("ssep test", Map.of())));
        }

        List<AlarmLogEntry> log() {
            return alarms.log();
        }

        @Override
        public void close() {
            publisher.close();
        }
    }

    static List<Channel> channels(int n) {
        return java.util.stream.IntStream.range(0, n)
                .mapToObj(i -> new Channel(i, "C" + i, Channel.MICROVOLT, RATE, -5000, 5000, ChannelRole.EEG)).toList();
    }

    /** Sample i of channel c: distinct, not round numbers, so an off-by-one or a float rounding shows. */
    static float sample(int c, long i) {
        return (float) (Math.sin(i * 0.013 + c) * 100 + c * 0.1 + i * 1e-4);
    }

    static SampleBlock block(int channels, long first, int n) {
        float[][] s = new float[channels][n];
        for (int c = 0; c < channels; c++) {
            for (int k = 0; k < n; k++) {
                s[c][k] = sample(c, first + k);
            }
        }
        return new SampleBlock(first, 0, s);
    }

    /** Waits (bounded) for a condition; the message says what did not happen. */
    static void await(String what, long timeoutMs, BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + timeoutMs * 1_000_000;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("within " + timeoutMs + " ms: " + what);
            }
            Thread.sleep(10);
        }
    }

    /** What the reader must show for an alarm log entry: event, channel, state and the OR's log sequence. */
    static String entry(AlarmLogEntry e) {
        return e.event() + " " + (e.key() == null ? "" : e.key().channel()) + " " + (e.stateAfter() == null ? "" : e.stateAfter())
                + " #" + e.sequence();
    }

    static String entry(CaseMessage m) {
        return m.text("event") + " " + m.text("channel") + " " + m.text("state") + " #" + (long) m.number("logSequence");
    }
}
