package org.openionm.driver.edf.internal;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.openionm.core.stimulation.SiteId;

/**
 * Named groups of a stimulus rule's {@code match}: systems that write the current and the site into
 * the annotation ({@code Screw L4 L 6.5 mA}) give them through groups, so one rule covers every screw
 * and every intensity. {@code intensity} is the stimulus intensity (a decimal number, point or comma);
 * {@code unit} mA or V; {@code site} a whole site id, or {@code level} + {@code side} a pedicle screw
 * ({@code screw.L4.left}), or {@code nerve} + {@code side} a nerve ({@code facial.left}); {@code side}
 * reads {@code L}, {@code R}, {@code left}, {@code right} in any case.
 */
final class AnnotationGroups {

    static final Set<String> KNOWN = Set.of("intensity", "unit", "site", "level", "side", "nerve");

    private AnnotationGroups() {
    }

    /** Checks the groups of {@code match} when the file is read; returns a problem or null. */
    static String check(Pattern match, boolean siteGiven) {
        Map<String, Integer> groups = match.namedGroups();
        for (String g : groups.keySet()) {
            if (!KNOWN.contains(g)) {
                return "match has a group named '" + g + "'; known group names: " + KNOWN.stream().sorted().toList();
            }
        }
        boolean level = groups.containsKey("level");
        boolean nerve = groups.containsKey("nerve");
        boolean side = groups.containsKey("side");
        if (level && nerve) {
            return "match names both a 'level' (screw) and a 'nerve' group; a site is one or the other";
        }
        if ((level || nerve) != side) {
            return side ? "a 'side' group needs a 'level' (screw) or 'nerve' group" : "a '" + (level ? "level" : "nerve")
                    + "' group needs a 'side' group";
        }
        if (groups.containsKey("site") && (level || nerve)) {
            return "match names a 'site' group and also '" + (level ? "level" : "nerve") + "'; give the site one way";
        }
        if (siteGiven && (groups.containsKey("site") || level || nerve)) {
            return "the site comes from match's groups; remove 'site'";
        }
        if (!siteGiven && !groups.containsKey("site") && !level && !nerve) {
            return "site is missing (give 'site', or name groups 'site', 'level'+'side' or 'nerve'+'side' in match)";
        }
        return null;
    }

    /** The site the groups name, or {@code fallback} when they name none. */
    static String site(Matcher m, String fallback) {
        Map<String, Integer> groups = m.pattern().namedGroups();
        if (groups.containsKey("site")) {
            return required(m, "site");
        }
        if (groups.containsKey("level")) {
            String level = required(m, "level").toUpperCase(Locale.ROOT);
            try {
                return new SiteId.PedicleScrew(level, side(m)).id();
            } catch (IllegalArgumentException e) {
                throw bad("level", level, e.getMessage());
            }
        }
        if (groups.containsKey("nerve")) {
            String nerve = required(m, "nerve").toLowerCase(Locale.ROOT);
            try {
                return new SiteId.Nerve(nerve, side(m)).id();
            } catch (IllegalArgumentException e) {
                throw bad("nerve", nerve, e.getMessage());
            }
        }
        return fallback;
    }

    /** The intensity group, or {@code fallback} when match has none. */
    static double intensity(Matcher m, double fallback) {
        if (!m.pattern().namedGroups().containsKey("intensity")) {
            return fallback;
        }
        String text = required(m, "intensity");
        try {
            double v = Double.parseDouble(text.strip().replace(',', '.'));
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw bad("intensity", text, "an intensity is a number >= 0");
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad("intensity", text, "not a decimal number such as 6.5");
        }
    }

    /** The unit group, or {@code fallback}. */
    static String unit(Matcher m, String fallback) {
        if (!m.pattern().namedGroups().containsKey("unit")) {
            return fallback;
        }
        String text = required(m, "unit");
        return switch (text.strip()) {
            case "mA", "MA", "ma" -> "mA";
            case "V", "v" -> "V";
            default -> throw bad("unit", text, "the unit must be mA or V");
        };
    }

    private static SiteId.Side side(Matcher m) {
        String text = required(m, "side");
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "l", "left", "lt" -> SiteId.Side.LEFT;
            case "r", "right", "rt" -> SiteId.Side.RIGHT;
            default -> throw bad("side", text, "a side is L, R, left or right");
        };
    }

    private static String required(Matcher m, String group) {
        String v = m.group(group);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("group '" + group + "' matched nothing");
        }
        return v;
    }

    private static IllegalArgumentException bad(String group, String value, String why) {
        return new IllegalArgumentException("group '" + group + "' is '" + value + "': " + why);
    }
}
