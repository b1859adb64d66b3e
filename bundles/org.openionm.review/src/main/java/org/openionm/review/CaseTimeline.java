package org.openionm.review;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.DoubleConsumer;

import org.openionm.io.edf.EdfAnnotation;
import org.openionm.io.edf.EdfHeader;
import org.openionm.io.edf.EdfSignal;

/**
 * A case recorded as several segments ({@code <case>-001.bdf}, {@code -002.bdf}, … — a stop and a
 * start of the recording, or two acquisitions) on one case-time axis: case time 0 is the first
 * segment's start, each segment sits at its own start, and the time between segments is a gap (shown
 * as a gap, never drawn as signal). Envelopes of any span are taken from the segments' indexes and put
 * side by side; columns over a gap are NaN.
 *
 * <p>Offsets come from the segments' header start times (EDF keeps whole seconds; the case recorder
 * writes its wall clock when the segment starts) plus the first data record's own onset. A segment
 * that would begin before its predecessor ends (a restart within the same second) is placed at that
 * end: the order of segments is kept and no signal is drawn over another.
 *
 * @since 0.2.0
 */
public final class CaseTimeline implements Closeable {

    /** One segment on the case clock; {@code file} is the recording (not its index). */
    public record Segment(int number, Path file, double offsetSeconds, double durationSeconds) {
        public double endSeconds() {
            return offsetSeconds + durationSeconds;
        }
    }

    /** Case time without any recording between two segments. */
    public record Gap(double startSeconds, double endSeconds) {
        public double seconds() {
            return endSeconds - startSeconds;
        }
    }

    /** A case time inside a segment: which one, and the time within that segment's file. */
    public record Position(int segment, double segmentSeconds) {
    }

    private final List<EnvelopeIndex> indexes;
    private final List<Segment> segments;

    private CaseTimeline(List<EnvelopeIndex> indexes, double[] offsets) {
        this.indexes = List.copyOf(indexes);
        List<Segment> s = new ArrayList<>();
        double previousEnd = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < indexes.size(); i++) {
            EdfHeader h = indexes.get(i).recording().header();
            double duration = h.recordCount() * h.recordDurationSeconds();
            double offset = Math.max(offsets[i], previousEnd);
            s.add(new Segment(i + 1, indexes.get(i).recording().path(), offset, duration));
            previousEnd = offset + duration;
        }
        this.segments = List.copyOf(s);
    }

    /** Segments at the case-clock offsets given (seconds, one per index, in order); the timeline owns the indexes. */
    public static CaseTimeline of(List<EnvelopeIndex> indexes, double[] offsets) {
        if (indexes.isEmpty() || offsets.length != indexes.size()) {
            throw new IllegalArgumentException("a case timeline needs at least one segment and one offset per segment (segments "
                    + indexes.size() + ", offsets " + offsets.length + ")");
        }
        return new CaseTimeline(indexes, offsets);
    }

    /** Segments at the offsets their headers' start times (and first record onsets) give, relative to the first. */
    public static CaseTimeline of(List<EnvelopeIndex> indexes) {
        return of(indexes, offsetsFromHeaders(indexes));
    }

    /** Opens (or indexes) each segment file, in the order given, and places them by their start times. */
    public static CaseTimeline open(List<Path> files, DoubleConsumer progress) throws IOException {
        List<EnvelopeIndex> opened = new ArrayList<>();
        try {
            for (int i = 0; i < files.size(); i++) {
                int done = i;
                opened.add(EnvelopeIndex.open(files.get(i), f -> progress.accept((done + f) / files.size())));
            }
            return of(opened);
        } catch (IOException | RuntimeException e) {
            for (EnvelopeIndex x : opened) {
                x.close();
            }
            throw e;
        }
    }

    static double[] offsetsFromHeaders(List<EnvelopeIndex> indexes) {
        double[] offsets = new double[indexes.size()];
        LocalDateTime first = indexes.get(0).recording().header().start();
        for (int i = 0; i < offsets.length; i++) {
            LocalDateTime start = indexes.get(i).recording().header().start();
            List<Double> records = indexes.get(i).recording().recordStartSeconds();
            double onset = records.isEmpty() ? 0 : records.get(0);
            offsets[i] = Duration.between(first, start).toNanos() / 1e9 + onset;
        }
        return offsets;
    }

    public List<Segment> segments() {
        return segments;
    }

    /** The index of each segment, in segment order. */
    public List<EnvelopeIndex> indexes() {
        return indexes;
    }

    /** The gaps between segments, in order (none for a single segment or back-to-back segments). */
    public List<Gap> gaps() {
        List<Gap> gaps = new ArrayList<>();
        for (int i = 1; i < segments.size(); i++) {
            double end = segments.get(i - 1).endSeconds();
            double start = segments.get(i).offsetSeconds();
            if (start > end) {
                gaps.add(new Gap(end, start));
            }
        }
        return gaps;
    }

    /** Case time from the first segment's start to the last one's end. */
    public double durationSeconds() {
        return segments.get(segments.size() - 1).endSeconds();
    }

    /** The segment holding {@code caseSeconds}; empty in a gap or outside the case. */
    public Optional<Position> locate(double caseSeconds) {
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            if (caseSeconds >= s.offsetSeconds() && caseSeconds < s.endSeconds()) {
                return Optional.of(new Position(i, caseSeconds - s.offsetSeconds()));
            }
        }
        return Optional.empty();
    }

    /** The first segment's signals: the montage the traces are labelled with. */
    public List<EdfSignal> signals() {
        return indexes.get(0).recording().signals();
    }

    /** Every segment's annotations at their case times, in segment order. */
    public List<EdfAnnotation> annotations() {
        List<EdfAnnotation> all = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            double offset = segments.get(i).offsetSeconds();
            // the first record's onset is already in the offset
            List<Double> records = indexes.get(i).recording().recordStartSeconds();
            double onset = records.isEmpty() ? 0 : records.get(0);
            for (EdfAnnotation a : indexes.get(i).recording().annotations()) {
                all.add(new EdfAnnotation(offset + a.onsetSeconds() - onset, a.durationSeconds(), a.text(), a.record()));
            }
        }
        return all;
    }

    /**
     * The min/max of every signal (the first segment's, matched by position in the later ones) over
     * {@code [startSeconds, endSeconds)} of case time in {@code columns} columns. A column takes every
     * segment it overlaps; columns that overlap none (gaps, before the start, after the end) are NaN.
     * {@code firstSample}/{@code endSample} are the span on the case clock at the signal's rate.
     */
    public Envelope[] envelopes(double startSeconds, double endSeconds, int columns) throws IOException {
        if (!(endSeconds > startSeconds) || columns <= 0) {
            throw new IllegalArgumentException("an envelope needs a span (start " + startSeconds + " s, end " + endSeconds
                    + " s) and at least one column (" + columns + ")");
        }
        List<EdfSignal> signals = signals();
        int n = signals.size();
        float[][] min = new float[n][columns];
        float[][] max = new float[n][columns];
        int[] perBin = new int[n];
        for (int s = 0; s < n; s++) {
            Arrays.fill(min[s], Float.NaN);
            Arrays.fill(max[s], Float.NaN);
            perBin[s] = 1;
        }
        double width = (endSeconds - startSeconds) / columns;
        for (int i = 0; i < segments.size(); i++) {
            Segment seg = segments.get(i);
            double from = Math.max(seg.offsetSeconds(), startSeconds);
            double to = Math.min(seg.endSeconds(), endSeconds);
            if (!(to > from)) {
                continue;
            }
            int c0 = (int) Math.floor((from - startSeconds) / width);
            int c1 = Math.min(columns, (int) Math.ceil((to - startSeconds) / width));
            EnvelopeIndex index = indexes.get(i);
            List<EdfSignal> own = index.recording().signals();
            for (int s = 0; s < Math.min(n, own.size()); s++) {
                double rate = own.get(s).samplingRateHz();
                long first = Math.max(0, (long) Math.floor((from - seg.offsetSeconds()) * rate + 1e-9));
                long end = Math.min(index.samples(s), (long) Math.ceil((to - seg.offsetSeconds()) * rate - 1e-9));
                if (end <= first) {
                    continue;
                }
                Envelope e = index.envelope(s, first, end, c1 - c0);
                for (int c = 0; c < e.columns(); c++) {
                    merge(min[s], max[s], c0 + c, e.min()[c], e.max()[c]);
                }
                perBin[s] = Math.max(perBin[s], e.samplesPerBin());
            }
        }
        Envelope[] out = new Envelope[n];
        for (int s = 0; s < n; s++) {
            double rate = signals.get(s).samplingRateHz();
            out[s] = new Envelope(Math.round(startSeconds * rate), Math.round(endSeconds * rate), min[s], max[s], perBin[s]);
        }
        return out;
    }

    private static void merge(float[] min, float[] max, int c, float lo, float hi) {
        if (Float.isNaN(lo)) {
            return;
        }
        min[c] = Float.isNaN(min[c]) ? lo : Math.min(min[c], lo);
        max[c] = Float.isNaN(max[c]) ? hi : Math.max(max[c], hi);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (EnvelopeIndex i : indexes) {
            try {
                i.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }

    @Override
    public String toString() {
        return segments.size() + " segments, " + gaps().size() + " gaps, " + Objects.toString(durationSeconds()) + " s";
    }
}
