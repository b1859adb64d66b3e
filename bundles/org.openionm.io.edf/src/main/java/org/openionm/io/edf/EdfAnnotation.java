package org.openionm.io.edf;

/**
 * One annotation of a TAL (time-stamped annotation list).
 *
 * @param onsetSeconds    seconds after the header's start second (so it includes a sub-second start offset)
 * @param durationSeconds duration, 0 when the TAL has none
 * @param text            UTF-8 text
 * @param record          data record that holds it (annotations may be carried to later records)
 */
public record EdfAnnotation(double onsetSeconds, double durationSeconds, String text, long record) {
}
