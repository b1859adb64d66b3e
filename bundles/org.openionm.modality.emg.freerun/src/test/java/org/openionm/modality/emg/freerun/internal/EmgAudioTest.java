package org.openionm.modality.emg.freerun.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** What the loudspeaker would get, sample for sample. */
class EmgAudioTest {

    static final double FS = 16_000; // one input sample per output sample: expected values are the input

    static final class Recorder implements EmgAudio.SoundSink {
        final List<Short> pcm = new ArrayList<>();

        @Override
        public void write(short[] samples, int length) {
            for (int i = 0; i < length; i++) {
                pcm.add(samples[i]);
            }
        }
    }

    static float[] constant(int n, float v) {
        float[] x = new float[n];
        java.util.Arrays.fill(x, v);
        return x;
    }

    @Test
    void theSelectedChannelsAreSummedAndScaled() {
        Recorder out = new Recorder();
        EmgAudio audio = new EmgAudio(out);
        audio.start(List.of("Facial-1", "Facial-2"), FS);
        audio.select(Set.of("Facial-2"));
        audio.channel(0, 0, constant(160, 500), 160, false);
        audio.channel(1, 0, constant(160, 250), 160, false);
        audio.blockDone(160);
        assertEquals(160, out.pcm.size());
        // only Facial-2: 250 µV of 1000 µV full scale
        assertEquals(Math.round(0.25 * Short.MAX_VALUE), out.pcm.get(80).intValue());
        audio.select(Set.of());
        audio.channel(0, 160, constant(160, 500), 160, false);
        audio.channel(1, 160, constant(160, 250), 160, false);
        audio.blockDone(320);
        assertEquals(Math.round(0.75 * Short.MAX_VALUE), out.pcm.get(240).intValue());
    }

    @Test
    void silentDuringCauteryOnASelectedChannel() {
        Recorder out = new Recorder();
        EmgAudio audio = new EmgAudio(out);
        audio.start(List.of("Facial-1", "Facial-2"), FS);
        audio.channel(0, 0, constant(100, 500), 100, false);
        audio.channel(1, 0, constant(100, Float.NaN), 100, true);
        audio.blockDone(100);
        assertTrue(out.pcm.stream().allMatch(s -> s == 0), "cautery must be silent");
    }

    @Test
    void aStimulusSoundsAsATickNotAsTheSignal() {
        Recorder out = new Recorder();
        EmgAudio audio = new EmgAudio(out);
        audio.start(List.of("Facial-1"), FS);
        audio.stimulus(1_000);
        float[] x = constant(4_000, 0);
        for (int i = 1_000; i < 1_080; i++) {
            x[i] = Float.NaN; // blanked by the processor
        }
        audio.channel(0, 0, x, 4_000, false);
        audio.blockDone(4_000);
        // silence before, a decaying tick of 15 ms (240 samples) after the stimulus, silence after it
        assertTrue(out.pcm.subList(0, 1_000).stream().allMatch(s -> s == 0));
        int loud = (int) out.pcm.subList(1_000, 1_240).stream().filter(s -> Math.abs(s) > 1_000).count();
        assertTrue(loud > 20, "tick samples above 1000: " + loud);
        assertTrue(out.pcm.subList(1_240, 4_000).stream().allMatch(s -> s == 0));
        // mostly energy near 5 kHz: sign changes far more often than any EMG (≤ 3 kHz band) at 16 kHz
        int changes = 0;
        for (int i = 1_001; i < 1_120; i++) {
            changes += Integer.signum(out.pcm.get(i)) != Integer.signum(out.pcm.get(i - 1)) ? 1 : 0;
        }
        assertTrue(changes > 50, "sign changes in 119 samples: " + changes);
    }

    @Test
    void aMuteExpiresByItself() {
        Recorder out = new Recorder();
        EmgAudio audio = new EmgAudio(out);
        audio.start(List.of("Facial-1"), FS);
        audio.mute(0, 1.0); // one second of case time
        assertTrue(audio.muted(0.5));
        for (int b = 0; b < 20; b++) { // 2 s in 100 ms blocks
            audio.channel(0, b * 1_600L, constant(1_600, 500), 1_600, false);
            audio.blockDone((b + 1) * 1_600L);
        }
        assertTrue(out.pcm.subList(0, 16_000).stream().allMatch(s -> s == 0), "muted for the first second");
        assertTrue(out.pcm.subList(16_000, 32_000).stream().allMatch(s -> s > 0), "back after it");
        assertTrue(!audio.muted(1.0));
    }

    @Test
    void theInputIsResampledToTheOutputRate() {
        Recorder out = new Recorder();
        EmgAudio audio = new EmgAudio(out);
        audio.start(List.of("Facial-1"), 20_000);
        for (int b = 0; b < 10; b++) {
            audio.channel(0, b * 2_000L, constant(2_000, 100), 2_000, false);
            audio.blockDone((b + 1) * 2_000L);
        }
        assertEquals(16_000, out.pcm.size(), 1);
    }
}
