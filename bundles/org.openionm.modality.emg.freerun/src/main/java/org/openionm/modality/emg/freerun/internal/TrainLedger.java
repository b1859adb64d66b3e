package org.openionm.modality.emg.freerun.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Every A-train of the acquisition, per channel, and what follows from them: whether a train belongs to
 * an A-train cluster (Rampp 2023: sudden A-trains in most channels at once — here, onsets within
 * {@code window} samples on more than {@code fraction} of the channels, at least two) and each
 * channel's train time, the summed duration of its A-trains, clusters left out when so set.
 * <p>
 * A train's membership is decided {@code window} + 100 ms after its onset, when every other channel
 * has had the time to recognise a train started within the window (recognition takes 3 cycles, at most
 * 50 ms at 60 Hz); until then it does not count.
 */
final class TrainLedger {

    /** One A-train; {@code end} moves while it runs. */
    static final class Train {
        final int channel;
        final long onset;
        long end;
        boolean running = true;
        boolean decided;
        boolean cluster;
        boolean reported;
        double peakUv;
        double frequencyHz = Double.NaN;

        Train(int channel, long onset, long end) {
            this.channel = channel;
            this.onset = onset;
            this.end = end;
        }

        long decisionAt(long window, long margin) {
            return onset + window + margin;
        }
    }

    private final int channels;
    private final long window;
    private final long margin;
    private final double fraction;
    private final boolean excludeClusters;
    private final List<Train> trains = new ArrayList<>();

    TrainLedger(int channels, double fs, double windowMs, double fraction, boolean excludeClusters) {
        this.channels = channels;
        this.window = Math.round(windowMs * fs / 1000);
        this.margin = Math.round(0.1 * fs);
        this.fraction = fraction;
        this.excludeClusters = excludeClusters;
    }

    Train started(int channel, long onset, long confirmedAt) {
        Train t = new Train(channel, onset, confirmedAt);
        trains.add(t);
        return t;
    }

    /** The running train of {@code channel}, or null. */
    Train running(int channel) {
        for (int k = trains.size() - 1; k >= 0; k--) {
            Train t = trains.get(k);
            if (t.channel == channel && t.running) {
                return t;
            }
        }
        return null;
    }

    /**
     * Decides every train whose decision time has come by {@code now}; returns those that became
     * cluster members, in order (their channels raise the cluster flag).
     */
    List<Train> decide(long now) {
        List<Train> newlyCluster = new ArrayList<>();
        for (Train t : trains) {
            if (t.decided || now < t.decisionAt(window, margin)) {
                continue;
            }
            t.decided = true;
            boolean[] seen = new boolean[channels];
            int count = 0;
            List<Train> members = new ArrayList<>();
            for (Train o : trains) {
                if (Math.abs(o.onset - t.onset) <= window) {
                    members.add(o);
                    if (!seen[o.channel]) {
                        seen[o.channel] = true;
                        count++;
                    }
                }
            }
            if (count >= 2 && count > fraction * channels) {
                for (Train m : members) {
                    if (!m.cluster) {
                        m.cluster = true;
                        newlyCluster.add(m);
                    }
                }
            }
        }
        return newlyCluster;
    }

    /** Whether a decided train counts towards train time. */
    boolean counts(Train t) {
        return t.decided && !(excludeClusters && t.cluster);
    }

    /** Train time of a channel in samples: decided trains that count, running ones up to where they are. */
    long trainSamples(int channel) {
        long sum = 0;
        for (Train t : trains) {
            if (t.channel == channel && counts(t)) {
                sum += Math.max(0, t.end - t.onset);
            }
        }
        return sum;
    }

    /** Summed duration of a channel's cluster trains, in samples. */
    long clusterSamples(int channel) {
        long sum = 0;
        for (Train t : trains) {
            if (t.channel == channel && t.decided && t.cluster) {
                sum += Math.max(0, t.end - t.onset);
            }
        }
        return sum;
    }

    /** Ended, decided trains not yet reported as events; marks them reported. */
    List<Train> toReport() {
        List<Train> out = new ArrayList<>();
        for (Train t : trains) {
            if (!t.running && t.decided && !t.reported) {
                t.reported = true;
                out.add(t);
            }
        }
        return out;
    }

    /** Decides everything still open (the acquisition ended). */
    void decideAll() {
        decide(Long.MAX_VALUE);
    }

    List<Train> all() {
        return trains;
    }
}
