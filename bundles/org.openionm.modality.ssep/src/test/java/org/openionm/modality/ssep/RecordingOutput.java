package org.openionm.modality.ssep;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openionm.core.model.Channel;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.ProcessorOutput;
import org.openionm.core.processing.TrendPoint;

/** Fake output that keeps everything, plus a context around it. */
final class RecordingOutput implements ProcessorOutput {

    final List<Measurement> measurements = new ArrayList<>();
    final List<AverageTrace> averages = new ArrayList<>();
    final List<TrendPoint> trends = new ArrayList<>();
    final List<AlarmCondition> alarms = new ArrayList<>();

    @Override public void measurement(Measurement m) { measurements.add(m); }

    @Override public void average(AverageTrace a) { averages.add(a); }

    @Override public void trend(TrendPoint p) { trends.add(p); }

    @Override public void alarm(AlarmCondition c) { alarms.add(c); }

    /** Latest measurement of a component on a channel, or null. */
    Measurement last(String channel, String component) {
        Measurement found = null;
        for (Measurement m : measurements) {
            if (m.channel().equals(channel) && m.component().equals(component)) {
                found = m;
            }
        }
        return found;
    }

    ProcessorContext context(List<Channel> channels, Map<String, ?> settings) {
        RecordingOutput self = this;
        return new ProcessorContext() {
            @Override public List<Channel> channels() { return channels; }

            @Override public Map<String, ?> settings() { return settings; }

            @Override public ProcessorOutput output() { return self; }
        };
    }
}
