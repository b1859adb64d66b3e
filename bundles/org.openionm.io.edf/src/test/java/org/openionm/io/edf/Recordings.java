package org.openionm.io.edf;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;
import org.openionm.core.model.SampleBlock;

/** Test signals and files: deterministic, so a failure can be reproduced sample for sample. */
final class Recordings {

    static final LocalDateTime START = LocalDateTime.of(2024, 3, 5, 14, 7, 9, 250_000_000);
    static final EdfRecordingInfo INFO = new EdfRecordingInfo("MCH-0234567", "F", LocalDate.of(1951, 5, 2),
            "Müller Anna", "OR 3", "J. Doe", "OpenIONM test rig", START);
    static final String[] LABELS = { "CP3-Fpz", "Erb-L", "APB-R", "C5-Fz" };
    /** Block sizes cycled through while writing, so records and blocks never line up. */
    static final int[] BLOCK_SIZES = { 37, 113, 1, 250, 64 };

    private Recordings() {
    }

    static List<Channel> channels(double rate, double[][] rails) {
        List<Channel> list = new ArrayList<>();
        for (int c = 0; c < rails.length; c++) {
            list.add(new Channel(c, LABELS[c % LABELS.length], Channel.MICROVOLT, rate, rails[c][0], rails[c][1],
                    ChannelRole.EEG));
        }
        return list;
    }

    /** Sines plus noise filling about 80 % of each channel's range. */
    static float[][] signal(List<Channel> channels, int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[][] data = new float[channels.size()][samples];
        for (int c = 0; c < channels.size(); c++) {
            Channel ch = channels.get(c);
            double mid = (ch.physicalMax() + ch.physicalMin()) / 2;
            double half = (ch.physicalMax() - ch.physicalMin()) / 2;
            double f = 7.3 + 11 * c;
            for (int i = 0; i < samples; i++) {
                double v = 0.6 * Math.sin(2 * Math.PI * f * i / ch.samplingRateHz() + c) + 0.2 * (random.nextDouble() * 2 - 1);
                data[c][i] = (float) (mid + half * v);
            }
        }
        return data;
    }

    /** Writes samples [from, to) of {@code data}, which starts at sample index {@code dataStart}. */
    static void write(EdfWriter writer, float[][] data, long dataStart, long from, long to) throws IOException {
        long i = from;
        int k = 0;
        while (i < to) {
            int n = (int) Math.min(BLOCK_SIZES[k++ % BLOCK_SIZES.length], to - i);
            float[][] block = new float[data.length][n];
            for (int c = 0; c < data.length; c++) {
                System.arraycopy(data[c], (int) (i - dataStart), block[c], 0, n);
            }
            writer.write(new SampleBlock(i, 0, block));
            i += n;
        }
    }

    static Path writeSimple(Path file, EdfFormat format, List<Channel> channels, float[][] data, int samplesPerRecord)
            throws IOException {
        try (EdfWriter w = EdfWriter.create(file, format, INFO, channels, "HP:0.1Hz LP:5000Hz", samplesPerRecord)) {
            write(w, data, 0, 0, data[0].length);
        }
        return file;
    }
}
