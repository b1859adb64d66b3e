package org.openionm.modality.emg.freerun.internal;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.core.processing.AlarmCondition;
import org.openionm.core.processing.DetectedEvent;
import org.openionm.testkit.RecordingProcessorOutput;
import org.openionm.testkit.TestProcessorContext;

/**
 * The figures of docs/performance.md (free-run EMG): processing CPU at 32 ch × 20 kHz, and detection over
 * 20 seeded 120 s cases (sensitivity, onset error, false A-trains per channel-hour, alarm latency in
 * data time, train-time error). Not a test (no pass/fail on timing): run it by hand from the test class
 * path; it writes target/bench.txt. To be moved into {@code ./openionm bench emg}.
 */
final class FreeRunBenchmark {

    private FreeRunBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Files.createTempDirectory("emg-bench");
        StringBuilder b = new StringBuilder();
        // CPU: 32 ch x 20 kHz, 60 s, noise + a 120 Hz train on every 4th channel every 5 s
        List<Channel> chans = new ArrayList<>();
        for (int c = 0; c < 32; c++) chans.add(new Channel(c, "EMG" + c, "uV", 20_000, -20_000, 20_000, ChannelRole.EMG_FREE_RUN));
        FreeRunProcessor p = new FreeRunProcessor();
        EmgAudio audio = new EmgAudio((pcm, n) -> { });
        p.audio(audio);
        RecordingProcessorOutput out = new RecordingProcessorOutput();
        p.start(TestProcessorContext.withDefaults(p, chans, Map.of(), out));
        SplittableRandom r = new SplittableRandom(1);
        int block = 200; // 10 ms
        float[][][] blocks = new float[50][32][block];
        for (float[][] bl : blocks) for (float[] row : bl) for (int i = 0; i < block; i++) row[i] = (float) (5 * r.nextGaussian());
        var mx = ManagementFactory.getThreadMXBean();
        long cpu0 = mx.getCurrentThreadCpuTime();
        int seconds = 60;
        for (int k = 0; k < seconds * 100; k++) {
            float[][] data = new float[32][];
            for (int c = 0; c < 32; c++) {
                data[c] = blocks[(k + c) % 50][c].clone();
                if (c % 4 == 0 && (k % 500) < 100) {
                    for (int i = 0; i < block; i++) data[c][i] += (float) (150 * Math.sin(2 * Math.PI * 120 * ((long) k * block + i) / 20_000.0));
                }
            }
            p.onBlock(new SampleBlock((long) k * block, 0, data));
        }
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        p.stop();
        b.append(String.format("CPU 32ch x 20kHz, %d s of data (with audio mixing): %.2f s CPU = %.2f %% of one core%n", seconds, cpu / 1e9, 100.0 * cpu / 1e9 / seconds));
        b.append("events in CPU run: " + out.events().size() + "\n");
        // detection over 20 seeds
        int scripted = 0, hit = 0, falseTrains = 0; double channelHours = 0; List<Double> onsetErr = new ArrayList<>(); List<Double> alarmLat = new ArrayList<>();
        List<Double> ttErr = new ArrayList<>(); int falseOther = 0;
        for (long seed = 101; seed <= 120; seed++) {
            var res = SimRun.run(dir, SeededScenarios.yaml(seed, 120), 10_000, seed, new FreeRunProcessor(), Map.of());
            var truth = Truth.read(res.annotations(), 10_000).stream().filter(t -> t.kind().equals("A-train")).toList();
            var trains = res.results().events().stream().filter(e -> e.kind().equals("A-train")).toList();
            channelHours += 4 * 120 / 3600.0;
            for (Truth t : truth) {
                scripted++;
                var m = trains.stream().filter(e -> e.channel().equals(t.channels().get(0)) && Math.abs(e.timeSeconds() - t.start()) < 0.05).findFirst();
                if (m.isPresent()) { hit++; onsetErr.add(Math.abs(m.get().timeSeconds() - t.start()) * 1000); }
                var a = res.alarmConditions().stream().filter(x -> x.active() && x.criterion().equals(FreeRunProcessor.CRITERION_ATRAIN) && x.channel().equals(t.channels().get(0)) && x.timeSeconds() >= t.start() && x.timeSeconds() < t.end()).findFirst();
                a.ifPresent(x -> alarmLat.add((x.timeSeconds() - t.start()) * 1000));
            }
            for (DetectedEvent e : trains) if (truth.stream().noneMatch(t -> t.channels().contains(e.channel()) && t.overlaps(e.timeSeconds(), e.endSeconds()))) falseTrains++;
            for (String ch : SeededScenarios.CHANNELS) {
                double exp = truth.stream().filter(t -> t.channels().contains(ch)).mapToDouble(Truth::duration).sum();
                var ms = res.measurements().stream().filter(x -> x.component().equals("trainTime") && x.channel().equals(ch)).toList();
                double got = ms.get(ms.size() - 1).value();
                if (exp > 0) ttErr.add(100 * Math.abs(got - exp) / exp);
            }
        }
        onsetErr.sort(null); alarmLat.sort(null); ttErr.sort(null);
        b.append(String.format("20 seeds x 120 s x 4 ch: scripted %d, found %d (%.1f %%), onset error median %.1f ms max %.1f ms, false A-trains %d (%.2f per channel-hour)%n",
                scripted, hit, 100.0 * hit / scripted, onsetErr.get(onsetErr.size() / 2), onsetErr.get(onsetErr.size() - 1), falseTrains, falseTrains / channelHours));
        b.append(String.format("alarm latency (data time, onset to MEDIUM condition): median %.1f ms, max %.1f ms, n=%d%n", alarmLat.get(alarmLat.size() / 2), alarmLat.get(alarmLat.size() - 1), alarmLat.size()));
        b.append(String.format("train time error per channel: median %.2f %% max %.2f %% n=%d%n", ttErr.get(ttErr.size() / 2), ttErr.get(ttErr.size() - 1), ttErr.size()));
        Files.writeString(Path.of("target/bench.txt"), b.toString());
    }
}
