package org.openionm.modality.ssep.internal;

import java.util.Locale;
import java.util.Optional;

import org.openionm.core.model.Channel;
import org.openionm.core.model.ChannelRole;

/**
 * Where a channel records, read from its role and label: CP3 left hemisphere, CP4 right, CPz
 * midline; Erb-L/Erb-R and Popliteal-L/R peripheral; any subcortical channel is cervical.
 */
record Recording(Channel channel, Level level, Side side, boolean lowerLimbPeripheral) {

    enum Level { PERIPHERAL, SUBCORTICAL, CORTICAL }

    enum Side { LEFT, RIGHT, MIDLINE }

    static Optional<Recording> of(Channel ch) {
        String label = ch.label().toUpperCase(Locale.ROOT);
        ChannelRole role = ch.role();
        if (role.equals(ChannelRole.SSEP_SUBCORTICAL)) {
            return Optional.of(new Recording(ch, Level.SUBCORTICAL, Side.MIDLINE, false));
        }
        if (role.equals(ChannelRole.SSEP_CORTICAL)) {
            if (label.startsWith("CP3")) {
                return Optional.of(new Recording(ch, Level.CORTICAL, Side.LEFT, false));
            }
            if (label.startsWith("CP4")) {
                return Optional.of(new Recording(ch, Level.CORTICAL, Side.RIGHT, false));
            }
            if (label.startsWith("CPZ")) {
                return Optional.of(new Recording(ch, Level.CORTICAL, Side.MIDLINE, false));
            }
            return Optional.empty(); // unknown scalp site: hemisphere cannot be trusted
        }
        if (role.equals(ChannelRole.SSEP_PERIPHERAL)) {
            boolean erb = label.startsWith("ERB");
            boolean popliteal = label.startsWith("POPLITEAL") || label.startsWith("PF");
            Side side = label.endsWith("-L") || label.contains("-L-") ? Side.LEFT
                    : label.endsWith("-R") || label.contains("-R-") ? Side.RIGHT : null;
            if ((erb || popliteal) && side != null) {
                return Optional.of(new Recording(ch, Level.PERIPHERAL, side, popliteal));
            }
        }
        return Optional.empty();
    }

    /** True when this channel lies on the side opposite the stimulated limb. */
    boolean contralateralTo(StimSite site) {
        return side == (site.left() ? Side.RIGHT : Side.LEFT);
    }

    String label() {
        return channel.label();
    }
}
