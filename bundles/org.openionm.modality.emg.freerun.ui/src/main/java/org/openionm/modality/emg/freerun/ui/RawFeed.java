package org.openionm.modality.emg.freerun.ui;

import java.util.ArrayList;
import java.util.List;

import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.SampleBlock;
import org.openionm.ui.widgets.trace.TraceBuffer;

/**
 * The free-run channels' raw signal for the strips: an engine consumer that copies them into a
 * {@link TraceBuffer} (NaN where data are missing). Drawing only; detection is the processor's.
 */
final class RawFeed implements SampleConsumer {

    static final double SECONDS = 12;

    private volatile TraceBuffer buffer;
    private volatile List<Channel> channels = List.of();

    @Override
    public void onStart(String driverId, List<Channel> all) {
        List<Channel> emg = new ArrayList<>();
        for (Channel c : all) {
            if (c.role().equals(ChannelRole.EMG_FREE_RUN)) {
                emg.add(c);
            }
        }
        channels = List.copyOf(emg);
        buffer = emg.isEmpty() ? null : new TraceBuffer(emg.size(), emg.get(0).samplingRateHz(), SECONDS);
    }

    @Override
    public void onBlock(SampleBlock block) {
        TraceBuffer b = buffer;
        List<Channel> cs = channels;
        if (b == null) {
            return;
        }
        float[][] rows = new float[cs.size()][];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = block.channel(cs.get(i).index());
        }
        b.append(block.firstSampleIndex(), rows);
    }

    @Override
    public void onGap(DataGap gap) {
        TraceBuffer b = buffer;
        if (b != null) {
            b.gap(gap.firstMissingSampleIndex() + gap.sampleCount());
        }
    }

    TraceBuffer buffer() {
        return buffer;
    }

    List<Channel> channels() {
        return channels;
    }
}
