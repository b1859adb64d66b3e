package org.openionm.core.stimulation;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one grammar of {@link SiteId}s. */
final class SiteIdGrammar {

    static final String TCMEP = "tcmep";
    static final String SCREW = "screw";

    private static final String ELECTRODE_FORM = "[A-Z][a-z]?[1-9z]";
    private static final String LEVEL_FORM = "T(?:[1-9]|1[0-2])|L[1-5]|S[12]";
    private static final String SIDE_FORM = "(left|right)";

    static final Pattern NERVE = Pattern.compile("[a-z]+");
    static final Pattern ELECTRODE = Pattern.compile(ELECTRODE_FORM);
    static final Pattern LEVEL = Pattern.compile(LEVEL_FORM);

    private static final Pattern TCMEP_ID = Pattern.compile("tcmep\\.(" + ELECTRODE_FORM + ")(" + ELECTRODE_FORM + ")");
    private static final Pattern SCREW_ID = Pattern.compile("screw\\.(" + LEVEL_FORM + ")\\." + SIDE_FORM);
    private static final Pattern NERVE_ID = Pattern.compile("([a-z]+)\\." + SIDE_FORM);

    private SiteIdGrammar() {
    }

    /** The family words, which no nerve may be called. */
    static boolean isFamily(String word) {
        return word.equals(TCMEP) || word.equals(SCREW);
    }

    static Optional<SiteId> parse(String id) {
        if (id == null) {
            return Optional.empty();
        }
        Matcher m = TCMEP_ID.matcher(id);
        if (m.matches()) {
            return Optional.of(new SiteId.Transcranial(m.group(1), m.group(2)));
        }
        m = SCREW_ID.matcher(id);
        if (m.matches()) {
            return Optional.of(new SiteId.PedicleScrew(m.group(1), side(m.group(2))));
        }
        m = NERVE_ID.matcher(id);
        if (m.matches() && !isFamily(m.group(1))) {
            return Optional.of(new SiteId.Nerve(m.group(1), side(m.group(2))));
        }
        return Optional.empty();
    }

    private static SiteId.Side side(String token) {
        return token.equals("left") ? SiteId.Side.LEFT : SiteId.Side.RIGHT;
    }
}
