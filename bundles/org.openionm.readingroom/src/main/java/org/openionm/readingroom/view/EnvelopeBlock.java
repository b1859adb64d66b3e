package org.openionm.readingroom.view;

import java.util.List;

import org.openionm.readingroom.CaseMessage;
import org.openionm.readingroom.Topics;

/**
 * A trace frame made drawable by any min/max trace view: per chosen channel the frame's columns as
 * samples min, max, min, max … at twice the column rate, so a view that decimates by min/max per pixel
 * (the workbench's TraceCanvas) draws exactly the OR's envelope, and sample index {@code i} is at case
 * time {@code i / rate}. Columns without samples (a partial frame) stay NaN, which views draw as a
 * break.
 *
 * @param firstIndex index of the first interleaved sample (2 × the frame's first column)
 * @param rate       interleaved samples per second (2 × the OR's display columns per second)
 * @param samples    [chosen channel][2 × columns]
 * @since 0.2.0
 */
public record EnvelopeBlock(long firstIndex, double rate, float[][] samples) {

    /** The frame's envelope for {@code channels} (indices into the OR's channel list; one absent from the frame: NaN). */
    public static EnvelopeBlock of(CaseMessage frame, List<Integer> channels) {
        if (!Topics.TRACE.equals(frame.stream())) {
            throw new IllegalArgumentException("not a trace frame: stream " + frame.stream());
        }
        long first = (long) frame.number("first");
        double columnSamples = frame.number("columnSamples");
        double sampleRate = frame.number("rate");
        List<?> min = (List<?>) frame.body().getOrDefault("min", List.of());
        List<?> max = (List<?>) frame.body().getOrDefault("max", List.of());
        int columns = (int) (frame.number("samples") / columnSamples);
        float[][] out = new float[channels.size()][2 * columns];
        for (int k = 0; k < channels.size(); k++) {
            int c = channels.get(k);
            float[] lo = c < min.size() ? floats(min.get(c).toString()) : new float[0];
            float[] hi = c < max.size() ? floats(max.get(c).toString()) : new float[0];
            for (int col = 0; col < columns; col++) {
                out[k][2 * col] = col < lo.length ? lo[col] : Float.NaN;
                out[k][2 * col + 1] = col < hi.length ? hi[col] : Float.NaN;
            }
        }
        return new EnvelopeBlock(2 * (first / (long) columnSamples), 2 * sampleRate / columnSamples, out);
    }

    private static float[] floats(String base64) {
        return org.openionm.readingroom.internal.Envelopes.floats(base64);
    }
}
