package org.openionm.alarm.internal;

import java.util.List;
import java.util.function.IntConsumer;

import org.openionm.alarm.AlarmListener;
import org.openionm.alarm.AlarmLogEntry;
import org.openionm.alarm.AlarmSnapshot;

/**
 * Forwards the active alarm count to the event bus only when it changes: processors re-state
 * conditions on every average, and the status bar needs no event for a value refresh.
 */
final class ActiveCountPublisher implements AlarmListener {

    private final IntConsumer sink;
    private int last = -1; // listeners are called one at a time (SerialNotifier)

    ActiveCountPublisher(IntConsumer sink) {
        this.sink = sink;
    }

    @Override
    public void alarmsChanged(AlarmSnapshot snapshot, List<AlarmLogEntry> entries) {
        int count = snapshot.activeCount();
        if (count != last) {
            last = count;
            sink.accept(count);
        }
    }
}
