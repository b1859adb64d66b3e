package org.openionm.alarm;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How alarms read on screen: the finding first ("HIGH — TA-L TcMEP lost (−92 %)"), the criterion
 * with its source in the details, times on the case clock as hh:mm:ss. The processors' texts stay
 * as they are (values and criterion go into the log and the report whole); this only picks the
 * finding out of them, so a banner read across the room says what happened, not which paper.
 *
 * @since 0.3.0
 */
public final class AlarmText {

    /** Typographic minus: "−92 %" is not read as a dash. */
    public static final char MINUS = '\u2212';

    private static final Pattern SIGNED_PERCENT = Pattern.compile("([+-]\\d+(?:\\.\\d+)?) %");
    private static final Pattern LATENCY_PERCENT = Pattern.compile("latency [^()]*\\(([+-]\\d+(?:\\.\\d+)?) %\\)");
    private static final Pattern SIGNED_VOLTS = Pattern.compile("\\(([+-]\\d+(?:\\.\\d+)?) V\\)");

    private AlarmText() {
    }

    /**
     * Case time as the status bar shows it, hh:mm:ss (hours keep counting past 24); "--:--:--" for
     * NaN or negative times.
     *
     * @since 0.3.0
     */
    public static String clock(double seconds) {
        if (Double.isNaN(seconds) || seconds < 0 || Double.isInfinite(seconds)) {
            return "--:--:--";
        }
        long s = (long) Math.floor(seconds);
        return String.format(Locale.ROOT, "%02d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }

    /**
     * The banner line: priority, an em dash and the finding, e.g. "HIGH — TA-L TcMEP lost (−92 %)".
     *
     * @since 0.3.0
     */
    public static String banner(Alarm alarm) {
        return alarm.priority() + " \u2014 " + finding(alarm)
                + (alarm.state() == AlarmState.CLEARED_UNACKNOWLEDGED ? " (cleared)" : "");
    }

    /**
     * What was found, in the words of the modality: "TA-L TcMEP lost (−92 %)", "SSEP L tibial P37
     * −63 %, +8 % latency", "Electrocautery", "Lead off Erb-L".
     *
     * @since 0.3.0
     */
    public static String finding(Alarm alarm) {
        AlarmKey key = alarm.key();
        String values = alarm.values();
        if (values.startsWith("recovered on ")) {
            values = values.substring(values.indexOf(':') + 1).trim();
        }
        String finding = switch (key.modality()) {
            case AlarmKey.TECHNICAL -> join(key.criterion(), key.channel().isEmpty() ? key.site() : key.channel());
            case "mep" -> mep(key, values);
            case "ssep" -> ssep(key, values);
            default -> join(key.modality().toUpperCase(Locale.ROOT), key.site(), key.channel()) + ": "
                    + rule(key.criterion()) + (values.isEmpty() ? "" : " (" + firstClause(values) + ")");
        };
        return typographic(finding);
    }

    /**
     * The details one click away: the criterion (rule and source) in full, the values, the baseline
     * and the times.
     *
     * @since 0.3.0
     */
    public static String details(Alarm alarm) {
        StringBuilder b = new StringBuilder();
        b.append("Criterion: ").append(alarm.key().criterion());
        if (!alarm.values().isEmpty()) {
            b.append("\nValues: ").append(alarm.values());
        }
        if (!alarm.baseline().isEmpty()) {
            b.append("\nBaseline: ").append(alarm.baseline());
        }
        b.append("\nRaised ").append(clock(alarm.raisedSeconds())).append(", last alert ")
                .append(clock(alarm.alertSeconds())).append(" (case time)");
        alarm.acknowledged().ifPresent(a -> b.append("\nAcknowledged by ").append(a.user()).append(" at ")
                .append(clock(a.timeSeconds())).append(a.note().isEmpty() ? "" : ": " + a.note()));
        return b.toString();
    }

    /**
     * The rule without its source: the text before a trailing "[source]", or the whole criterion.
     *
     * @since 0.3.0
     */
    public static String rule(String criterion) {
        int bracket = criterion.lastIndexOf(" [");
        return bracket > 0 && criterion.endsWith("]") ? criterion.substring(0, bracket) : criterion;
    }

    private static String mep(AlarmKey key, String values) {
        String rule = rule(key.criterion()).toLowerCase(Locale.ROOT);
        String what;
        if (rule.contains("loss")) {
            what = "lost";
        } else if (rule.contains("amplitude")) {
            what = "amplitude \u2193";
        } else if (rule.contains("threshold")) {
            Matcher v = SIGNED_VOLTS.matcher(values);
            return join(key.channel(), "TcMEP threshold \u2191" + (v.find() ? " " + v.group(1) + " V" : ""));
        } else if (rule.contains("morphology")) {
            what = "morphology simplified";
        } else {
            what = rule(key.criterion());
        }
        Matcher pct = SIGNED_PERCENT.matcher(values);
        return join(key.channel(), "TcMEP " + what + (pct.find() ? " (" + pct.group(1) + " %)" : ""));
    }

    private static String ssep(AlarmKey key, String values) {
        String site = readableSite(key.site());
        if (key.criterion().startsWith("Possible change")) {
            return join("SSEP", site, "possible change (advisory)");
        }
        String component = values.isEmpty() ? "" : values.split(" ", 2)[0];
        Matcher latency = LATENCY_PERCENT.matcher(values);
        String lat = latency.find() ? latency.group(1) : null;
        Matcher pct = SIGNED_PERCENT.matcher(values);
        String amp = pct.find() ? pct.group(1) : null;
        String change = amp == null ? "" : amp + " %";
        if (lat != null && !lat.equals("+0") && !lat.equals("-0")) {
            change += (change.isEmpty() ? "" : ", ") + lat + " % latency";
        }
        return join("SSEP", site, component, change);
    }

    /** "tibial.left" → "L tibial", "median.right" → "R median"; other ids unchanged. */
    static String readableSite(String site) {
        int dot = site.lastIndexOf('.');
        if (dot < 0) {
            return site;
        }
        String side = site.substring(dot + 1);
        String nerve = site.substring(0, dot);
        return switch (side) {
            case "left" -> "L " + nerve;
            case "right" -> "R " + nerve;
            default -> site;
        };
    }

    private static String firstClause(String values) {
        int cut = values.indexOf(';');
        return cut > 0 ? values.substring(0, cut) : values;
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (p != null && !p.isBlank()) {
                b.append(b.isEmpty() ? "" : " ").append(p.trim());
            }
        }
        return b.toString();
    }

    /** Minus signs and micro signs as they are printed. */
    private static String typographic(String s) {
        return s.replaceAll("(?<=[\\s(])-(?=\\d)", String.valueOf(MINUS)).replace("uV", "\u00b5V");
    }
}
