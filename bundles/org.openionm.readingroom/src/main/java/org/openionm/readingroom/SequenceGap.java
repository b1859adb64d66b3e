package org.openionm.readingroom;

/**
 * Messages a reader did not receive: sequence numbers {@code first} to {@code last} (inclusive) of a
 * stream. For QoS 1 streams the reader asks the OR for its history and the gap closes
 * ({@code filled}); a gap of trace frames (QoS 0) stays, shown as missing trace.
 *
 * @since 0.2.0
 */
public record SequenceGap(String stream, String epoch, long first, long last, boolean filled) {

    public long count() {
        return last - first + 1;
    }
}
