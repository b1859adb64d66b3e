package org.openionm.acquisition.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;

import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.model.Channel;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.DriverHealth;
import org.openionm.core.model.SampleBlock;

/** Records everything it receives, in order, as text plus the raw blocks. */
class RecordingConsumer implements SampleConsumer {

    final List<String> events = new CopyOnWriteArrayList<>();
    final List<SampleBlock> blocks = new CopyOnWriteArrayList<>();
    final List<DataGap> gaps = new CopyOnWriteArrayList<>();
    final List<DriverHealth> health = new CopyOnWriteArrayList<>();
    final CountDownLatch stopped = new CountDownLatch(1);
    volatile String stopReason;

    @Override
    public void onStart(String driverId, List<Channel> channels) {
        events.add("start " + driverId + " " + channels.size());
    }

    @Override
    public void onBlock(SampleBlock block) {
        blocks.add(block);
        events.add("block " + block.firstSampleIndex());
    }

    @Override
    public void onGap(DataGap gap) {
        gaps.add(gap);
        events.add("gap " + gap.firstMissingSampleIndex() + "+" + gap.sampleCount());
    }

    @Override
    public void onHealth(DriverHealth h) {
        health.add(h);
    }

    @Override
    public void onStop(String reason) {
        stopReason = reason;
        events.add("stop");
        stopped.countDown();
    }
}
