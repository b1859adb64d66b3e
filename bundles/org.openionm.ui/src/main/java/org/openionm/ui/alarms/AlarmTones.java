package org.openionm.ui.alarms;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

import org.openionm.core.processing.AlarmCondition.Priority;

/**
 * Distinct audible patterns per priority in the manner of IEC 60601-1-8: high = two bursts of five
 * pulses, medium = three pulses, low = two pulses, lower and softer. Played off the UI thread; a
 * machine without an audio device is reported once, never taken as "silence is fine".
 */
final class AlarmTones {

    private static final float RATE = 22_050;
    private final ExecutorService player = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "openionm-alarm-tones");
        t.setDaemon(true);
        return t;
    });
    private volatile String problem;

    /** Null when sound works (or has not been tried); otherwise why it does not. */
    String problem() {
        return problem;
    }

    void play(Priority priority) {
        player.execute(() -> {
            try (SourceDataLine line = AudioSystem.getSourceDataLine(new AudioFormat(RATE, 16, 1, true, false))) {
                byte[] pcm = pattern(priority);
                line.open();
                line.start();
                line.write(pcm, 0, pcm.length);
                line.drain();
                problem = null;
            } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
                problem = "no audio output for alarm tones: " + e.getMessage();
            }
        });
    }

    /** 16-bit little-endian PCM of the priority's pulse pattern. */
    static byte[] pattern(Priority priority) {
        double hz = priority == Priority.HIGH ? 960 : priority == Priority.MEDIUM ? 720 : 520;
        int pulses = priority == Priority.HIGH ? 5 : priority == Priority.MEDIUM ? 3 : 2;
        int bursts = priority == Priority.HIGH ? 2 : 1;
        double amplitude = priority == Priority.LOW ? 0.25 : 0.5;
        int pulse = (int) (RATE * 0.15);
        int gap = (int) (RATE * 0.1);
        int burstGap = (int) (RATE * 0.4);
        int total = bursts * (pulses * (pulse + gap)) + (bursts - 1) * burstGap;
        byte[] pcm = new byte[total * 2];
        int i = 0;
        for (int b = 0; b < bursts; b++) {
            for (int p = 0; p < pulses; p++) {
                for (int s = 0; s < pulse; s++, i++) {
                    double envelope = Math.min(1, Math.min(s, pulse - s) / (RATE * 0.01)); // no clicks
                    short v = (short) (amplitude * envelope * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * s / RATE));
                    pcm[2 * i] = (byte) v;
                    pcm[2 * i + 1] = (byte) (v >> 8);
                }
                i += gap;
            }
            i += b < bursts - 1 ? burstGap : 0;
        }
        return pcm;
    }

    void dispose() {
        player.shutdownNow();
    }
}
