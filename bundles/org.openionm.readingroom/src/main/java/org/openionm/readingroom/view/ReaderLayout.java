package org.openionm.readingroom.view;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;

/**
 * A reader's own layout of the desk, kept between sessions: the open cases by case id in column order,
 * and per case the reader's amplitude scale, time window and chosen channels (absent: the default first
 * few). As text it is a properties file ({@link #toText()}, {@link #parse}), one per reader user; the
 * reading room saves it when the reader changes the desk and restores it on connecting, opening each
 * saved case that is live again.
 *
 * @since 0.2.0
 */
public record ReaderLayout(List<CaseLayout> cases) {

    /** One column: the case and the reader's view settings (channels empty when not chosen). */
    public record CaseLayout(String caseId, double scaleUv, double windowSeconds, boolean channelsChosen, List<Integer> channels) {

        public CaseLayout {
            Objects.requireNonNull(caseId, "caseId");
            if (caseId.isBlank()) {
                throw new IllegalArgumentException("a case id is empty");
            }
            channels = List.copyOf(channels);
        }

        /** The layout of one open column. */
        public static CaseLayout of(CaseView v) {
            return new CaseLayout(v.caseId(), v.scaleUv(), v.windowSeconds(), v.channelsChosen(), v.chosenChannels());
        }

        /** Sets the view to this layout (its scale, window and, when chosen, channels). */
        public void applyTo(CaseView v) {
            v.scaleUv(scaleUv);
            v.windowSeconds(windowSeconds);
            if (channelsChosen) {
                v.chooseChannels(channels);
            }
        }
    }

    public ReaderLayout {
        cases = List.copyOf(cases);
    }

    /** No case open. */
    public static ReaderLayout empty() {
        return new ReaderLayout(List.of());
    }

    /** What the desk shows now, columns left to right. */
    public static ReaderLayout of(ReadingDesk desk) {
        return new ReaderLayout(desk.columns().stream().map(c -> CaseLayout.of(c.view())).toList());
    }

    public List<String> caseIds() {
        return cases.stream().map(CaseLayout::caseId).toList();
    }

    public Optional<CaseLayout> caseLayout(String caseId) {
        return cases.stream().filter(c -> c.caseId().equals(caseId)).findFirst();
    }

    /**
     * As a properties file: {@code cases} (the count), then per column {@code case.<n>.id},
     * {@code .scaleUv}, {@code .windowS} and, when chosen, {@code .channels} (indices in the OR's channel
     * list, comma-separated), n from 1, left to right.
     */
    public String toText() {
        StringBuilder b = new StringBuilder("# OpenIONM reading-room layout: open cases left to right, each with the reader's scale, window, channels\n");
        b.append("cases=").append(cases.size()).append('\n');
        for (int i = 0; i < cases.size(); i++) {
            CaseLayout c = cases.get(i);
            String k = "case." + (i + 1) + ".";
            b.append(k).append("id=").append(escape(c.caseId())).append('\n');
            b.append(k).append("scaleUv=").append(number(c.scaleUv())).append('\n');
            b.append(k).append("windowS=").append(number(c.windowSeconds())).append('\n');
            if (c.channelsChosen()) {
                b.append(k).append("channels=").append(String.join(",", c.channels().stream().map(String::valueOf).toList())).append('\n');
            }
        }
        return b.toString();
    }

    /** Reads {@link #toText()}'s format; a wrong or missing value throws {@code IllegalArgumentException} naming the key. */
    public static ReaderLayout parse(String text) {
        Properties p = new Properties();
        try {
            p.load(new StringReader(text));
        } catch (IOException | IllegalArgumentException e) {
            throw new IllegalArgumentException("not a reading-room layout: " + e.getMessage(), e);
        }
        int n = (int) value(p, "cases", 0, 100);
        List<CaseLayout> out = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            String k = "case." + i + ".";
            String id = p.getProperty(k + "id", "");
            if (id.isBlank()) {
                throw new IllegalArgumentException(k + "id is missing");
            }
            double scale = value(p, k + "scaleUv", 0.001, 1e6);
            double window = value(p, k + "windowS", 1, 60);
            String ch = p.getProperty(k + "channels");
            List<Integer> channels = List.of();
            if (ch != null) {
                try {
                    channels = ch.isBlank() ? List.of() : Arrays.stream(ch.split(",")).map(String::strip).map(Integer::valueOf).toList();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(k + "channels must be channel indices separated by commas, was '" + ch + "'");
                }
                if (channels.stream().anyMatch(c -> c < 0)) {
                    throw new IllegalArgumentException(k + "channels has a negative index: '" + ch + "'");
                }
            }
            out.add(new CaseLayout(id, scale, window, ch != null, channels));
        }
        return new ReaderLayout(out);
    }

    private static double value(Properties p, String key, double min, double max) {
        String v = p.getProperty(key);
        if (v == null) {
            throw new IllegalArgumentException(key + " is missing");
        }
        double d;
        try {
            d = Double.parseDouble(v.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + " must be a number, was '" + v + "'");
        }
        if (!(d >= min && d <= max)) {
            throw new IllegalArgumentException(key + " must be " + number(min) + "–" + number(max) + ", was " + v);
        }
        return d;
    }

    private static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.format(Locale.ROOT, "%s", d);
    }

    /** Properties escaping of a value (backslash, line breaks, a leading space, anything outside printable ASCII). */
    private static String escape(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c == ' ' && i == 0) {
                        b.append("\\ ");
                    } else if (c < 0x20 || c > 0x7e) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
