package org.openionm.modality.emg.freerun.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The free-run EMG as sound, the way surgeons listen to it: the band-passed signal of the selected
 * channels, summed and resampled to {@link #OUTPUT_RATE}, goes to a {@link SoundSink} block by block.
 * <ul>
 * <li>Electrocautery: silence while any selected channel is in cautery (or its hold-off) — the
 * loudspeaker would only roar.</li>
 * <li>A stimulus is not played as the signal (it is blanked) but as a short, bright, noisy "tick"
 * ({@link #ARTIFACT_HZ} band, 15 ms, decaying): it sounds different from EMG, as Medtronic NIM's
 * "cymbal" stimulus artifact differs from its "drum beat" EMG.</li>
 * <li>Mute: {@link #mute(double, double)} silences until a case time, after which the sound comes
 * back by itself, like the alarm audio pause.</li>
 * </ul>
 * Everything here is plain arithmetic on the processing thread; only the sink touches a device, and a
 * missing device is the sink's message, never a failure of the processing.
 */
public final class EmgAudio {

    /** Where the PCM goes: the loudspeaker, or a recorder in tests. */
    public interface SoundSink {
        /** Signed 16-bit mono samples at {@link EmgAudio#OUTPUT_RATE}; must not block. */
        void write(short[] pcm, int length);

        /** A human-readable state: "playing on …", "no sound device: …". */
        default String status() {
            return "";
        }

        default void close() {
        }

        /** The system's default output through javax.sound (opened on first use, on its own thread). */
        static SoundSink speaker() {
            return new SpeakerSink();
        }
    }

    public static final int OUTPUT_RATE = 16_000;
    /** Centre of the stimulus tick's band. */
    public static final double ARTIFACT_HZ = 5_000;
    static final double ARTIFACT_SECONDS = 0.015;
    /** Signal (µV) that reaches full scale. */
    static final double FULL_SCALE_UV = 1_000;

    private final SoundSink sink;
    private List<String> labels = List.of();
    private final Set<String> selected = new HashSet<>();
    private boolean allSelected = true;
    private double fs = 1;
    private double step = 1;
    private double phase;
    private double acc;
    private int accCount;
    private double[] mix = new double[0];
    private boolean[] cautery = new boolean[0];
    private boolean anyCautery;
    private long blockFirst;
    private int blockLength;
    private final List<Long> stimuli = new ArrayList<>();
    private long tickUntil = Long.MIN_VALUE;
    private long tickStart;
    private long noise = 0x9E3779B97F4A7C15L;
    private double mutedUntil = Double.NEGATIVE_INFINITY;
    private short[] pcm = new short[0];
    private long samplesOut;
    private long firstATrainSoundAt = -1;
    private long aTrainSampleAt = -1;

    public EmgAudio(SoundSink sink) {
        this.sink = sink;
    }

    /** Plays only these channels (labels); an empty set or null plays every channel. */
    public synchronized void select(Set<String> channels) {
        selected.clear();
        allSelected = channels == null || channels.isEmpty();
        if (!allSelected) {
            selected.addAll(channels);
        }
    }

    /** Silences the sound until case time {@code now + seconds}; it then comes back by itself. */
    public synchronized void mute(double now, double seconds) {
        mutedUntil = now + seconds;
    }

    public synchronized void unmute() {
        mutedUntil = Double.NEGATIVE_INFINITY;
    }

    /** Whether the sound is muted at case time {@code now}. */
    public synchronized boolean muted(double now) {
        return now < mutedUntil;
    }

    /** Case time the mute ends; -∞ when not muted. */
    public synchronized double mutedUntil() {
        return mutedUntil;
    }

    public String status() {
        return sink.status();
    }

    synchronized void start(List<String> channelLabels, double samplingRateHz) {
        labels = List.copyOf(channelLabels);
        fs = samplingRateHz;
        step = fs / OUTPUT_RATE;
        phase = 0;
        acc = 0;
        accCount = 0;
        cautery = new boolean[labels.size()];
        stimuli.clear();
        tickUntil = Long.MIN_VALUE;
        samplesOut = 0;
        firstATrainSoundAt = -1;
        aTrainSampleAt = -1;
    }

    /** A stimulus at this sample: it will sound as a tick. */
    synchronized void stimulus(long sample) {
        stimuli.add(sample);
    }

    /** An A-train was recognised at {@code sample} (the benchmark measures how soon it sounds). */
    synchronized void aTrain(int channel, long sample) {
        if (aTrainSampleAt < 0 && isSelected(channel)) {
            aTrainSampleAt = sample;
        }
    }

    /** One channel's filtered block (NaN where blanked or in cautery). */
    synchronized void channel(int k, long first, float[] filtered, int n, boolean inCautery) {
        if (k == 0 || blockFirst != first || blockLength != n) {
            if (mix.length < n) {
                mix = new double[n];
            }
            java.util.Arrays.fill(mix, 0, n, 0);
            blockFirst = first;
            blockLength = n;
            anyCautery = false;
        }
        if (!isSelected(k)) {
            return;
        }
        cautery[k] = inCautery;
        anyCautery |= inCautery;
        for (int i = 0; i < n; i++) {
            float v = filtered[i];
            if (!Float.isNaN(v)) {
                mix[i] += v;
            }
        }
    }

    /** The block is complete up to sample {@code end}: resample, add ticks, mute, and hand it to the sink. */
    synchronized void blockDone(long end) {
        int n = blockLength;
        boolean silent = anyCautery || muted(blockFirst / fs);
        if (pcm.length < n / Math.max(1, (int) Math.floor(step)) + 2) {
            pcm = new short[n / Math.max(1, (int) Math.floor(step)) + 2];
        }
        int m = 0;
        for (int i = 0; i < n; i++) {
            long s = blockFirst + i;
            double v = mix[i] / FULL_SCALE_UV;
            if (!stimuli.isEmpty() && stimuli.get(0) <= s) {
                tickStart = stimuli.remove(0);
                tickUntil = tickStart + Math.round(ARTIFACT_SECONDS * fs);
            }
            if (s < tickUntil) {
                v = tick(s - tickStart);
            }
            acc += v;
            accCount++;
            phase += 1;
            if (phase >= step) {
                phase -= step;
                double out = silent ? 0 : acc / accCount;
                acc = 0;
                accCount = 0;
                if (m == pcm.length) {
                    pcm = java.util.Arrays.copyOf(pcm, pcm.length * 2);
                }
                pcm[m++] = (short) Math.round(Math.max(-1, Math.min(1, out)) * Short.MAX_VALUE);
            }
        }
        if (aTrainSampleAt >= 0 && firstATrainSoundAt < 0 && !silent && end > aTrainSampleAt) {
            firstATrainSoundAt = end;
        }
        samplesOut += m;
        if (m > 0) {
            sink.write(pcm, m);
        }
    }

    /** Sample (acquisition clock) at the end of the first block that played a recognised A-train; -1 if none yet. */
    public synchronized long firstATrainSoundAt() {
        return firstATrainSoundAt;
    }

    synchronized long samplesOut() {
        return samplesOut;
    }

    synchronized void stop() {
        sink.close();
    }

    private boolean isSelected(int k) {
        return allSelected || (k < labels.size() && selected.contains(labels.get(k)));
    }

    /** The stimulus tick: band noise around {@link #ARTIFACT_HZ}, decaying over {@link #ARTIFACT_SECONDS}. */
    private double tick(long sinceStart) {
        noise ^= noise << 13;
        noise ^= noise >>> 7;
        noise ^= noise << 17;
        double white = (noise >>> 11) * 0x1p-53 * 2 - 1;
        double t = sinceStart / fs;
        double carrier = Math.sin(2 * Math.PI * ARTIFACT_HZ * t);
        return 0.5 * Math.exp(-t / (ARTIFACT_SECONDS / 4)) * (0.6 * carrier + 0.4 * white);
    }
}
