package org.openionm.driver.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.driver.DriverCapabilities;
import org.openionm.core.driver.DriverContext;
import org.openionm.core.driver.DriverOption;
import org.openionm.core.driver.StimulatorDescriptor;
import org.openionm.core.model.Channel;
import org.openionm.core.stimulation.StimulationProgram;
import org.osgi.service.component.annotations.Component;

/**
 * A simulated patient and amplifier for demos, training and tests: SSEP, TcMEP, free-run and
 * triggered EMG, EEG, mains, cautery, stimulus artifacts and lead-off, scripted by a scenario
 * (docs/scenarios.md). Options: {@code scenario} (bundled name or file path), {@code seed}
 * (default 1), {@code mains} (50/60, default the scenario's). The same seed and configuration give
 * the same samples; the stream ends at the scenario's duration.
 */
@Component(service = AmplifierDriver.class)
public class SimulatedAmplifier implements AmplifierDriver {

    public static final String ID = "simulator";
    static final int MAX_CHANNELS = Montage.MAX_CHANNELS;
    static final double MAX_RATE_HZ = 20_000;
    /** Blocks of 10 ms: small enough for smooth live display, large enough to be cheap. */
    static final double BLOCK_SECONDS = 0.010;

    static final String OPTION_SCENARIO = "scenario";
    static final String OPTION_SEED = "seed";
    static final String OPTION_MAINS = "mains";

    /** What configure() settled, handed to run() and suggestedStimulation() as one value. */
    private record Setup(AcquisitionConfig config, Scenario scenario, int mainsHz, long seed, List<MontageChannel> montage) {
    }

    private volatile Setup setup;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String displayName() {
        return "Simulated amplifier";
    }

    @Override
    public DriverCapabilities capabilities() {
        return new DriverCapabilities(MAX_CHANNELS, MAX_RATE_HZ, List.of(
                new StimulatorDescriptor("peripheral", "Peripheral / screw (constant current)", "mA", 100),
                new StimulatorDescriptor("transcranial", "Transcranial (constant voltage)", "V", 1000)));
    }

    @Override
    public List<DriverOption> options() {
        return List.of(
                new DriverOption(OPTION_SCENARIO, "Scenario", DriverOption.Kind.CHOICE, Scenarios.BUNDLED,
                        Scenarios.DEFAULT, "Scripted clinical scenario (a scenario file path is also accepted)."),
                new DriverOption(OPTION_SEED, "Seed", DriverOption.Kind.NUMBER, List.of(), "1",
                        "The same seed reproduces the same signals sample for sample."),
                new DriverOption(OPTION_MAINS, "Mains (Hz)", DriverOption.Kind.CHOICE, List.of("50", "60"), "",
                        "Mains frequency of the simulated room; empty uses the scenario's."));
    }

    @Override
    public Optional<StimulationProgram> suggestedStimulation() {
        Setup s = setup;
        if (s != null) {
            return Optional.of(s.scenario().program(s.mainsHz()));
        }
        Scenario fallback = Scenarios.bundled(Scenarios.DEFAULT);
        return Optional.of(fallback.program(fallback.mainsHz()));
    }

    @Override
    public List<Channel> configure(AcquisitionConfig requested) {
        capabilities().check(requested);
        long seed = parseSeed(requested);
        Scenario scenario = Scenarios.resolve(requested.option(OPTION_SCENARIO, Scenarios.DEFAULT));
        int mains = parseMains(requested, scenario.mainsHz());
        List<MontageChannel> montage = Montage.first(requested.channelCount());
        List<Channel> channels = new ArrayList<>();
        for (int c = 0; c < montage.size(); c++) {
            MontageChannel m = montage.get(c);
            channels.add(new Channel(c, m.label(), Channel.MICROVOLT, requested.samplingRateHz(), -m.railUv(), m.railUv(), m.role()));
        }
        setup = new Setup(requested, scenario, mains, seed, montage);
        return List.copyOf(channels);
    }

    @Override
    public void run(DriverContext context) throws InterruptedException {
        Setup s = setup;
        if (s == null) {
            throw new IllegalStateException("simulated amplifier started without configure()");
        }
        double rate = s.config().samplingRateHz();
        int blockSize = Math.max(1, (int) Math.round(rate * BLOCK_SECONDS));
        Simulation sim = new Simulation(s.scenario(), s.montage(), rate, s.mainsHz(), s.seed(), blockSize);
        long startNanos = System.nanoTime();
        while (!context.isStopRequested() && sim.position() < sim.endSample()) {
            int n = (int) Math.min(blockSize, sim.endSample() - sim.position());
            context.block(sim.next(context, n));
            if (s.config().realTime()) {
                waitUntil(startNanos + Math.round(sim.position() * 1e9 / rate));
            }
        }
    }

    private static void waitUntil(long dueNanos) throws InterruptedException {
        long remaining;
        while ((remaining = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
            if (Thread.interrupted()) {
                throw new InterruptedException("simulated amplifier stopped");
            }
        }
    }

    private static long parseSeed(AcquisitionConfig cfg) {
        String text = cfg.option(OPTION_SEED, "1");
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option seed must be a whole number, was '" + text + "'");
        }
    }

    private static int parseMains(AcquisitionConfig cfg, int scenarioMains) {
        String text = cfg.option(OPTION_MAINS, "").trim();
        return switch (text) {
            case "", "scenario" -> scenarioMains;
            case "50" -> 50;
            case "60" -> 60;
            default -> throw new IllegalArgumentException("option mains must be 50 or 60 (Hz), was '" + text + "'");
        };
    }
}
