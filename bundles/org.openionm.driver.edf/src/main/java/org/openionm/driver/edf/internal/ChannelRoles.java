package org.openionm.driver.edf.internal;

import java.util.Locale;
import java.util.regex.Pattern;

import org.openionm.core.model.ChannelRole;

/**
 * Guesses what a recorded channel was for from its EDF label, so that modality processors pick up
 * a played-back file as they would the live amplifier. First match wins, in the order below.
 */
final class ChannelRoles {

    // a token is delimited by anything but letters, digits and the apostrophe of "Cz'"
    private static final String B = "(?<![a-z0-9'])";
    private static final String E = "(?![a-z0-9'])";
    // BioSemi's "Status", trigger and event channels: no electrode behind them
    private static final Pattern NOT_AN_ELECTRODE = Pattern.compile(B + "(status|trigger|trig|event|marker)" + E);
    private static final Pattern PERIPHERAL = Pattern.compile(B + "(erb\\w*|ep[0-9]*|popliteal|pf)" + E);
    private static final Pattern SUBCORTICAL = Pattern.compile(B + "(c2|c5|cv[0-9]*|cs[0-9]*)" + E + "|cervical");
    private static final Pattern CORTICAL = Pattern.compile(B + "(cp3|cp4|cpz|cz'|c3'|c4')" + E);
    private static final Pattern MUSCLE = Pattern.compile(B + "(apb|adm|ta|ah|fhb|abd ?hal\\w*)" + E
            + "|tib\\.? ?ant|tibialis|hallucis");
    // free-run EMG muscles named by the field: cranial-nerve and lumbar-root monitoring
    private static final Pattern EMG = Pattern.compile(B + "(emg|facial|orbic\\w*|mentalis|masseter|trapezius|vastus|ehl"
            + "|gastroc\\w*|biceps|triceps|deltoid|rectus)" + E);

    private ChannelRoles() {
    }

    static ChannelRole guess(String label) {
        String l = label.toLowerCase(Locale.ROOT);
        if (NOT_AN_ELECTRODE.matcher(l).find()) {
            return ChannelRole.OTHER;
        }
        if (PERIPHERAL.matcher(l).find()) {
            return ChannelRole.SSEP_PERIPHERAL;
        }
        if (SUBCORTICAL.matcher(l).find()) {
            return ChannelRole.SSEP_SUBCORTICAL;
        }
        if (CORTICAL.matcher(l).find()) {
            return ChannelRole.SSEP_CORTICAL;
        }
        if (MUSCLE.matcher(l).find()) {
            return ChannelRole.MEP_MUSCLE;
        }
        if (EMG.matcher(l).find()) {
            return ChannelRole.EMG_FREE_RUN;
        }
        return ChannelRole.EEG;
    }
}
