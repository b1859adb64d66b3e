package org.openionm.modality.emg.freerun.internal;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * The loudspeaker: PCM blocks are queued (at most {@link #QUEUE_MS} ms; beyond that the oldest are
 * dropped, the processing never waits) and written to a javax.sound {@link SourceDataLine} of about
 * {@link #LINE_MS} ms by a daemon thread, so the sound lags the EMG by at most their sum on top of the
 * processing (docs/emg.md). Without a sound
 * device (CI, Xvfb, a headless server) the line cannot open: that is said once, in {@link #status()}
 * and the log, and every later block is dropped quietly.
 */
final class SpeakerSink implements EmgAudio.SoundSink {

    private static final System.Logger LOG = System.getLogger(SpeakerSink.class.getName());

    /** Most audio waiting for the line: bounds the lag when the sound card's clock runs slow. */
    static final int QUEUE_MS = 30;
    /** The line's buffer asked for (the device may grant more: {@link #status()} says what it gave). */
    static final int LINE_MS = 30;

    private final CappedAudioQueue queue = new CappedAudioQueue(bytes(QUEUE_MS));
    private volatile String status = "not started";
    private volatile boolean failed;
    private Thread thread;

    @Override
    public synchronized void write(short[] pcm, int length) {
        if (failed) {
            return;
        }
        if (thread == null) {
            thread = new Thread(this::play, "openionm-emg-audio");
            thread.setDaemon(true);
            thread.start();
        }
        byte[] bytes = new byte[2 * length];
        for (int i = 0; i < length; i++) {
            bytes[2 * i] = (byte) pcm[i];
            bytes[2 * i + 1] = (byte) (pcm[i] >> 8);
        }
        queue.offer(bytes); // never blocks: the sound must not hold up the monitoring
    }

    @Override
    public String status() {
        return status;
    }

    @Override
    public synchronized void close() {
        if (thread != null) {
            thread.interrupt();
            thread = null;
        }
        queue.clear();
    }

    private static int bytes(int millis) {
        return EmgAudio.OUTPUT_RATE * millis / 1000 * 2; // 16-bit mono
    }

    private void play() {
        AudioFormat format = new AudioFormat(EmgAudio.OUTPUT_RATE, 16, 1, true, false);
        SourceDataLine line;
        try {
            line = AudioSystem.getSourceDataLine(format);
            line.open(format, bytes(LINE_MS));
            line.start();
            status = "playing on " + line.getLineInfo() + ", line buffer " + line.getBufferSize() * 1000 / bytes(1000) + " ms";
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            failed = true;
            status = "no sound device: EMG audio is off (" + e.getMessage() + ")";
            LOG.log(System.Logger.Level.WARNING, "free-run EMG audio: " + status);
            queue.clear();
            return;
        }
        try {
            while (!Thread.currentThread().isInterrupted()) {
                byte[] b = queue.take();
                line.write(b, 0, b.length);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            line.stop();
            line.close();
        }
    }
}
