package org.openionm.modality.mep;

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

/** Fake context and output that records everything a processor publishes. */
final class Recorder implements ProcessorContext, ProcessorOutput {

    final List<Measurement> measurements = new ArrayList<>();
    final List<AverageTrace> traces = new ArrayList<>();
    final List<TrendPoint> trends = new ArrayList<>();
    final List<AlarmCondition> alarms = new ArrayList<>();
    final List<AverageTrace> baselines = new ArrayList<>();
    private final List<Channel> channels;
    private final Map<String, ?> settings;

    Recorder(List<Channel> channels, Map<String, ?> settings) {
        this.channels = channels;
        this.settings = settings;
    }

    @Override public List<Channel> channels() { return channels; }

    @Override public Map<String, ?> settings() { return settings; }

    @Override public ProcessorOutput output() { return this; }

    @Override public void measurement(Measurement m) { measurements.add(m); }

    @Override public void average(AverageTrace a) { traces.add(a); }

    @Override public void trend(TrendPoint p) { trends.add(p); }

    @Override public void alarm(AlarmCondition c) { alarms.add(c); }

    @Override public void baseline(AverageTrace b) { baselines.add(b); }

    void clear() {
        measurements.clear();
        traces.clear();
        trends.clear();
        alarms.clear();
        baselines.clear();
    }

    Measurement measurement(String channel) {
        return measurements.stream().filter(m -> m.channel().equals(channel)).reduce((a, b) -> b).orElse(null);
    }

    double lastTrend(String suffix) {
        return trends.stream().filter(t -> t.series().endsWith(suffix)).reduce((a, b) -> b)
                .map(TrendPoint::value).orElse(Double.NaN);
    }
}
