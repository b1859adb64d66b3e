package org.openionm.io.edf;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/**
 * Reading the fixed-width ASCII fields of an EDF/BDF header, each checked and any error reported
 * with the field's name (as the EDF specification calls it) and its byte offset.
 */
final class EdfHeaderFields {

    private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private EdfHeaderFields() {
    }

    static void checkAscii(byte[] bytes, int from, int length, long base, Integer ns) throws EdfFormatException {
        for (int i = from; i < from + length; i++) {
            int c = bytes[i] & 0xFF;
            if (c < 32 || c > 126) {
                long offset = base + i;
                throw new EdfFormatException(fieldAt(offset, ns), offset, "byte 0x" + Integer.toHexString(c)
                        + " is not printable ASCII (32-126)");
            }
        }
    }

    /** Name of the header field that holds byte {@code offset}. */
    static String fieldAt(long offset, Integer ns) {
        if (offset < 256) {
            long[] starts = { 0, 8, 88, 168, 176, 184, 192, 236, 244, 252 };
            String[] names = { "version", "local patient identification", "local recording identification",
                    "startdate of recording", "starttime of recording", "number of bytes in header record", "reserved",
                    "number of data records", "duration of a data record", "number of signals" };
            for (int i = starts.length - 1; i >= 0; i--) {
                if (offset >= starts[i]) {
                    return names[i];
                }
            }
        }
        int n = ns == null ? 1 : ns;
        long rel = (offset - 256) / n; // bytes per signal before this field, in units of one signal
        int[] widths = { 16, 80, 8, 8, 8, 8, 8, 80, 8, 32 };
        String[] names = { "label", "transducer type", "physical dimension", "physical minimum", "physical maximum",
                "digital minimum", "digital maximum", "prefiltering", "nr of samples in each data record",
                "reserved (signal)" };
        long start = 0;
        for (int i = 0; i < widths.length; i++) {
            start += widths[i];
            if (rel < start) {
                return names[i];
            }
        }
        return "reserved (signal)";
    }

    static String ascii(byte[] bytes, int from, int length) {
        return new String(bytes, from, length, StandardCharsets.ISO_8859_1);
    }

    static long integer(byte[] h, int offset, int width, String field, long min, long max)
            throws EdfFormatException {
        return integer(h, offset, width, field, 0, "", min, max);
    }

    static long integer(byte[] b, int offset, int width, String field, long base, String where, long min,
            long max) throws EdfFormatException {
        String text = ascii(b, offset, width).strip();
        if (!INTEGER.matcher(text).matches()) {
            throw new EdfFormatException(field, base + offset, "'" + text + "' is not an integer" + where);
        }
        long value;
        try {
            value = Long.parseLong(text.startsWith("+") ? text.substring(1) : text);
        } catch (NumberFormatException e) {
            throw new EdfFormatException(field, base + offset, "'" + text + "' is out of range" + where);
        }
        if (value < min || value > max) {
            throw new EdfFormatException(field, base + offset, value + " is outside " + min + ".." + max + where);
        }
        return value;
    }

    static double decimal(byte[] h, int offset, int width, String field) throws EdfFormatException {
        return decimal(h, offset, width, field, 0, "");
    }

    static double decimal(byte[] b, int offset, int width, String field, long base, String where)
            throws EdfFormatException {
        String text = ascii(b, offset, width).strip();
        if (!DECIMAL.matcher(text).matches()) {
            throw new EdfFormatException(field, base + offset, "'" + text + "' is not a number" + where);
        }
        double value = Double.parseDouble(text);
        if (!Double.isFinite(value)) {
            throw new EdfFormatException(field, base + offset, "'" + text + "' is not finite" + where);
        }
        return value;
    }
}
