package org.openionm.dsp;

/** Expected sign of an EP component (N20 negative, P25 positive; plotting convention aside). */
public enum Polarity {
    NEGATIVE(-1), POSITIVE(1);

    final int sign;

    Polarity(int sign) { this.sign = sign; }
}
