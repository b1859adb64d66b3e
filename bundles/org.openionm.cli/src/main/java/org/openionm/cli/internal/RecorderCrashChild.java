package org.openionm.cli.internal;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.driver.AcquisitionConfig;
import org.openionm.core.driver.AmplifierDriver;
import org.openionm.core.model.Channel;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfFormat;
import org.openionm.io.edf.EdfRecordingInfo;
import org.openionm.recording.Recorders;
import org.openionm.recording.RecordingSpec;

/**
 * The process {@code bench recorder} kills, run as a plain JVM (no OSGi) on the bundles' jars: the
 * simulator in real time through the engine into the recorder, and a consumer printing the end of
 * every block it receives ("S 12345"), so the killer knows how far the acquisition had come.
 * usage: RecorderCrashChild FOLDER RATE CHANNELS SEED SCENARIO
 */
public final class RecorderCrashChild {

    static final String SIMULATOR = "org.openionm.driver.simulator.internal.SimulatedAmplifier";

    private RecorderCrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        AcquisitionConfig config = new AcquisitionConfig(Double.parseDouble(args[1]), Integer.parseInt(args[2]), true,
                Map.of("seed", args[3], "scenario", args[4]));
        PrintStream out = new PrintStream(System.out, false, StandardCharsets.US_ASCII);
        AcquisitionEngine engine = AcquisitionEngines.create();
        engine.addConsumer("recorder", Recorders.create(RecordingSpec.segments(folder, "crash", EdfFormat.BDF,
                EdfRecordingInfo.anonymous(LocalDateTime.now()), "None (simulated signal, no filter)")), 256);
        engine.addConsumer("progress", new SampleConsumer() {
            @Override
            public void onStart(String driverId, List<Channel> channels) {
            }

            @Override
            public void onBlock(SampleBlock block) {
                out.println("S " + block.endSampleIndex());
                out.flush();
            }
        }, 256);
        // the simulator's class is internal to its bundle; outside OSGi it is simply on the class path
        AmplifierDriver simulator = (AmplifierDriver) Class.forName(SIMULATOR).getConstructor().newInstance();
        engine.start(simulator, config);
        Thread.sleep(Long.MAX_VALUE);
    }
}
