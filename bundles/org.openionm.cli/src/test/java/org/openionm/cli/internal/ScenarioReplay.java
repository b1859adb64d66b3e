package org.openionm.cli.internal;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.EngineState;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.AverageTrace;
import org.openionm.processing.ProcessorHost;
import org.openionm.processing.ResultListener;

/**
 * Replays a simulator scenario as fast as possible through the installed services (engine,
 * processor host with every modality processor, alarm manager) and keeps what the processors said.
 */
final class ScenarioReplay implements ResultListener {

    final List<AlarmCondition> conditions = new CopyOnWriteArrayList<>();
    final List<AverageTrace> averages = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    static ScenarioReplay run(String scenario, String seed, int channels, double rateHz, double baselineAtSeconds)
            throws Exception {
        AcquisitionEngine engine = Services.engine();
        ProcessorHost host = Services.service(ProcessorHost.class);
        ScenarioReplay replay = new ScenarioReplay();
        host.addListener(replay);
        try {
            host.captureBaselineAt(baselineAtSeconds);
            engine.start(Services.driver(engine, "simulator"), new AcquisitionConfig(rateHz, channels, false,
                    Map.of("scenario", scenario, "seed", seed)));
            if (!replay.ended.await(10, TimeUnit.MINUTES)) {
                throw new AssertionError("the replay of " + scenario + " did not end within 10 minutes");
            }
            // the processors can finish before the driver thread has handed back the engine
            long deadline = System.currentTimeMillis() + 30_000;
            while (engine.status().state() == EngineState.RUNNING && System.currentTimeMillis() < deadline) {
                Thread.sleep(10);
            }
        } finally {
            host.removeListener(replay);
        }
        return replay;
    }

    @Override
    public void alarm(AlarmCondition condition) {
        conditions.add(condition);
    }

    @Override
    public void average(AverageTrace average) {
        averages.add(average);
    }

    @Override
    public void acquisitionEnded(String reason) {
        ended.countDown();
    }

    /** Clinical conditions that became active (technical ones come from the alarm manager's health path). */
    List<AlarmCondition> raised() {
        return conditions.stream().filter(AlarmCondition::active).toList();
    }

    double firstRaised(String modality, String site, String channel) {
        return raised().stream()
                .filter(c -> c.modality().equals(modality) && c.site().equals(site) && c.channel().equals(channel))
                .mapToDouble(AlarmCondition::timeSeconds).min().orElse(Double.NaN);
    }
}
