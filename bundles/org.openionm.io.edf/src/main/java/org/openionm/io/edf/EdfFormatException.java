package org.openionm.io.edf;

import java.io.IOException;

/** A file that is not valid EDF/EDF+/BDF/BDF+; the message names the field and the byte offset. */
public final class EdfFormatException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String field;
    private final long offset;

    public EdfFormatException(String field, long offset, String detail) {
        super(field + " at byte " + offset + ": " + detail);
        this.field = field;
        this.offset = offset;
    }

    /** Header field (as the EDF specification names it), or "EDF Annotations" / "data record". */
    public String field() {
        return field;
    }

    /** Byte offset in the file where the problem was found. */
    public long offset() {
        return offset;
    }
}
