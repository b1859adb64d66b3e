package org.openionm.processing.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.internal.DefaultAcquisitionEngine;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.DataGap;
import org.openionm.core.model.StimulusEvent;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.Measurement;
import org.openionm.core.processing.ModalityProcessor;
import org.openionm.core.processing.ProcessorContext;
import org.openionm.core.processing.Provenance;
import org.openionm.core.processing.SettingDescriptor;
import org.openionm.processing.ResultListener;

/**
 * A marker the user moves reaches its processor on the processing thread, never the caller's (the
 * UI's), during an acquisition and after it; what the processor publishes then reaches listeners on
 * that thread too, one call at a time with the data.
 */
class MoveMarkerThreadTest {

    private final DefaultAcquisitionEngine engine = new DefaultAcquisitionEngine();
    private final DefaultProcessorHost host = new DefaultProcessorHost();
    private final ConsumerRegistration registration = engine.addConsumer("modality processors", host, 1000);
    private final MarkerProcessor processor = new MarkerProcessor();
    private final List<String> heardOn = new CopyOnWriteArrayList<>();
    private final CountDownLatch ended = new CountDownLatch(1);

    MoveMarkerThreadTest() {
        host.setCaseClock(engine.caseClock());
        host.addProcessor(processor);
        host.addListener(new ResultListener() {
            @Override
            public void measurement(Measurement m) {
                heardOn.add(m.component() + " on " + Thread.currentThread().getName());
            }

            @Override
            public void acquisitionEnded(String reason) {
                ended.countDown();
            }
        });
    }

    @AfterEach
    void dispose() {
        registration.close();
        engine.dispose();
        host.dispose();
    }

    @Test
    void duringAnAcquisitionTheMoveRunsBetweenBlocksOnTheConsumerThread() throws Exception {
        CaseClockAlarmTest.ScriptedDriver driver = new CaseClockAlarmTest.ScriptedDriver(1) {
            @Override
            public void run(DriverContext context) throws InterruptedException {
                // data keep flowing, paced like an amplifier, until stopped
                for (long index = 0; !context.isStopRequested(); index += 10) {
                    context.block(new SampleBlock(index, 0, new float[1][10]));
                    Thread.sleep(2);
                }
            }
        };
        engine.start(driver, new AcquisitionConfig(1000, 1, true));
        assertTrue(processor.blockSeen.await(20, TimeUnit.SECONDS));

        Measurement moved = host.moveMarker("marker", "median.left", "CP4", "N20", 21.5);

        assertEquals(21.5, moved.latencyMs(), "the caller gets the re-measured result");
        assertEquals(List.of("N20 on openionm-consumer-modality processors"), heardOn);
        assertEquals("openionm-consumer-modality processors", processor.movedOn);
        assertTrue(!processor.overlapped, "never inside another processor call");
        engine.stop();
    }

    @Test
    void afterAnAcquisitionTheMoveRunsOnTheHostsOwnThreadNotTheCallers() throws Exception {
        engine.start(new CaseClockAlarmTest.ScriptedDriver(0), new AcquisitionConfig(1000, 1, false));
        engine.stop();
        assertTrue(ended.await(20, TimeUnit.SECONDS));

        host.moveMarker("marker", "median.left", "CP4", "P25", 30);
        host.moveMarker("marker", "median.left", "CP4", "N20", 20);

        assertEquals(List.of("P25 on openionm-processing-idle", "N20 on openionm-processing-idle"), heardOn);
        assertNotEquals(Thread.currentThread().getName(), processor.movedOn);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> host.moveMarker("marker", "median.left", "CP4", "N99", 20));
        assertEquals("no component N99", refused.getMessage(), "a refusal reaches the caller as it was thrown");
    }

    /** Publishes a measurement at the latency the user chose; notes where and whether calls overlapped. */
    private static final class MarkerProcessor implements ModalityProcessor {
        final CountDownLatch blockSeen = new CountDownLatch(1);
        volatile String movedOn;
        volatile boolean overlapped;
        private volatile boolean busy;
        private ProcessorContext context;

        @Override
        public String id() {
            return "marker";
        }

        @Override
        public String displayName() {
            return "Marker";
        }

        @Override
        public Set<ChannelRole> acceptedRoles() {
            return Set.of(ChannelRole.SSEP_CORTICAL);
        }

        @Override
        public List<SettingDescriptor> settings() {
            return List.of();
        }

        @Override
        public void start(ProcessorContext ctx) {
            context = ctx;
        }

        @Override
        public void onBlock(SampleBlock block) {
            enter();
            blockSeen.countDown();
            busy = false;
        }

        @Override
        public void onStimulus(StimulusEvent event) {
        }

        @Override
        public void onGap(DataGap gap) {
        }

        @Override
        public void stop() {
        }

        @Override
        public Measurement moveMarker(String site, String channel, String component, double latencyMs) {
            enter();
            try {
                if (component.equals("N99")) {
                    throw new IllegalArgumentException("no component N99");
                }
                movedOn = Thread.currentThread().getName();
                Measurement m = new Measurement(1, id(), site, channel, component, latencyMs, 2.0, 300, 0,
                        new Provenance(id(), Map.of("marker", "manual")));
                context.output().measurement(m);
                return m;
            } finally {
                busy = false;
            }
        }

        private void enter() {
            if (busy) {
                overlapped = true;
            }
            busy = true;
        }
    }
}
