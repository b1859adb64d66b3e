package org.openionm.recording;

import java.util.ArrayList;
import java.util.List;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;
import org.openionm.io.edf.EdfRecordingInfo;

/** A small known signal fed to a recorder by hand: sample i of channel c is a distinct, exact value. */
final class Signals {

    static final double RATE = 5000;
    static final int BLOCK = 50;
    static final EdfRecordingInfo INFO = new EdfRecordingInfo("MCH-0234567", "F", null, "Doe Jane", "OR 3", "J. Tech",
            "OpenIONM", java.time.LocalDateTime.of(2024, 3, 5, 14, 7, 9));

    private Signals() {
    }

    static List<Channel> channels(int count) {
        List<Channel> list = new ArrayList<>();
        for (int c = 0; c < count; c++) {
            list.add(new Channel(c, "C" + c, Channel.MICROVOLT, RATE, -1000, 1000, ChannelRole.EEG));
        }
        return list;
    }

    /** Triangle waves of different periods per channel, within the rails. */
    static float value(int channel, long index) {
        long period = 200 + 37L * channel;
        long phase = index % period;
        return (float) (-800 + 1600.0 * Math.abs(phase - period / 2.0) / (period / 2.0)) + channel;
    }

    static SampleBlock block(int channels, long first, int count) {
        float[][] rows = new float[channels][count];
        for (int c = 0; c < channels; c++) {
            for (int i = 0; i < count; i++) {
                rows[c][i] = value(c, first + i);
            }
        }
        return new SampleBlock(first, first * 200_000L, rows);
    }

    /** Feeds blocks for samples [from, to) and returns {@code to}. */
    static long feed(Recorder r, int channels, long from, long to) {
        for (long i = from; i < to; i += BLOCK) {
            r.onBlock(block(channels, i, (int) Math.min(BLOCK, to - i)));
        }
        return to;
    }
}
