package org.openionm.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.ConsumerRegistration;
import org.openionm.acquisition.EngineState;
import org.openionm.acquisition.EngineStatus;
import org.openionm.alarm.AlarmManager;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.processing.ProcessorHost;
import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.CaseDescriptor;
import org.openionm.readingroom.OrPublisher;

/**
 * {@code openionm publish}: a headless OR — the simulator in real time through the engine, the
 * installed modalities and the alarm manager — published to the reading room for {@code --duration}
 * seconds. Monitoring never waits for the broker: if it is away the command goes on and says so.
 */
public class PublishApplication extends Command {

    static final String USAGE = "usage: openionm publish " + BrokerOptions.USAGE + " --case <id> --scenario <name|file.yaml>"
            + " [--duration <s>] [--procedure <text>] [--room <text>] [--rate Hz] [--channels N] [--seed N]";

    @Override
    String name() {
        return "publish";
    }

    @Override
    String usage() {
        return USAGE;
    }

    @Override
    int run(String[] args) throws Exception {
        Set<String> known = new java.util.HashSet<>(BrokerOptions.NAMES);
        known.addAll(Set.of("case", "scenario", "duration", "procedure", "room", "rate", "channels", "seed"));
        Arguments a = Arguments.parse(args, known);
        if (!a.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + a.positional().get(0) + "'");
        }
        String caseId = a.required("case");
        BrokerSettings broker = BrokerOptions.from(a, "or-" + caseId);
        String scenario = a.required("scenario");
        double duration = a.number("duration", 3600, 0.1, 7 * 24 * 3600);
        double rate = a.number("rate", 5000, 1, 20_000);
        int channels = (int) a.number("channels", 32, 1, 64);
        long seed = (long) a.number("seed", 1, 0, Long.MAX_VALUE);
        BrokerOptions.requireReadingRoom(name());
        CaseDescriptor descriptor;
        try {
            descriptor = new CaseDescriptor(caseId, a.optional("procedure", ""), a.optional("room", ""), List.of(), List.of());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        Map<String, String> options = new LinkedHashMap<>();
        options.put("scenario", scenario);
        options.put("seed", Long.toString(seed));

        AcquisitionEngine engine = Services.engine();
        AmplifierDriver simulator = Services.driver(engine, "simulator");
        ProcessorHost host = Services.service(ProcessorHost.class);
        AlarmManager alarms = Services.service(AlarmManager.class);
        List<String> modalities = new ArrayList<>(host.processorIds());
        descriptor = new CaseDescriptor(caseId, descriptor.procedure(), descriptor.room(), modalities, List.of());
        OrPublisher publisher = new OrPublisher(broker, descriptor, OrPublisher.Options.defaults());
        publisher.acknowledgeInto(alarms, () -> engine.caseClock().now());
        ConsumerRegistration consumer = engine.addConsumer("reading-room", publisher, 256);
        host.addListener(publisher);
        alarms.addListener(publisher);
        publisher.start();
        try {
            engine.start(simulator, new AcquisitionConfig(rate, channels, true, options));
            long endSample = Math.round(duration * rate);
            EngineStatus status;
            long nextReport = 0;
            while ((status = engine.status()).state() == EngineState.RUNNING && status.samplesReceived() < endSample) {
                if (System.nanoTime() > nextReport) {
                    OrPublisher.Stats s = publisher.stats();
                    err.printf(Locale.ROOT, "publish: %s %.0f s, %s, %d messages, %d frames dropped%n", caseId,
                            status.samplesReceived() / rate, s.connected() ? "connected" : "broker away", s.published(), s.framesDropped());
                    nextReport = System.nanoTime() + 10_000_000_000L;
                }
                Thread.sleep(100);
            }
            engine.stop();
            if (engine.status().state() == EngineState.FAILED) {
                throw new IllegalStateException(engine.status().message());
            }
            return 0;
        } finally {
            alarms.removeListener(publisher);
            host.removeListener(publisher);
            consumer.close();
            publisher.close();
            OrPublisher.Stats s = publisher.stats();
            err.printf(Locale.ROOT, "publish: %s: %d messages (%.1f MB) published, %d trace frames dropped, %d connections%n", caseId,
                    s.published(), s.bytes() / 1e6, s.framesDropped(), s.connects());
        }
    }
}
