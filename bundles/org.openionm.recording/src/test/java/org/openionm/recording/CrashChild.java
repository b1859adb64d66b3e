package org.openionm.recording;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

import org.openionm.acquisition.AcquisitionEngine;
import org.openionm.acquisition.AcquisitionEngines;
import org.openionm.acquisition.SampleConsumer;
import org.openionm.core.model.Channel;
import org.openionm.core.model.SampleBlock;
import org.openionm.driver.simulator.internal.SimulatedAmplifier;
import org.openionm.io.edf.EdfFormat;

/**
 * The process {@link RecorderCrashTest} kills: the simulator in real time through the engine into
 * the recorder, plus a consumer that prints the end of every block it receives ("S 12345") so the
 * killer knows how far the acquisition had come. Runs until killed.
 * usage: CrashChild FOLDER RATE CHANNELS SEED
 */
public final class CrashChild {

    private CrashChild() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        double rate = Double.parseDouble(args[1]);
        int channels = Integer.parseInt(args[2]);
        long seed = Long.parseLong(args[3]);
        PrintStream out = new PrintStream(System.out, false, "US-ASCII");
        AcquisitionEngine engine = AcquisitionEngines.create();
        engine.addConsumer("recorder", Recorders.create(RecordingSpec.segments(folder, "crash", EdfFormat.BDF, Signals.INFO,
                "none")), 256);
        engine.addConsumer("progress", new SampleConsumer() {
            @Override
            public void onStart(String driverId, List<Channel> list) {
            }

            @Override
            public void onBlock(SampleBlock block) {
                out.println("S " + block.endSampleIndex());
                out.flush();
            }
        }, 256);
        engine.start(new SimulatedAmplifier(), SimulatorRuns.config(rate, channels, true, seed));
        Thread.sleep(Long.MAX_VALUE);
    }
}
