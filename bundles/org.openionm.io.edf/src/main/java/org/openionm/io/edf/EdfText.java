package org.openionm.io.edf;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;

/** Text rules of the EDF header and of TALs, shared by the writer and the reader. */
final class EdfText {

    static final String[] MONTHS = { "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV",
            "DEC" };

    private EdfText() {
    }

    /** Printable ASCII (32..126) only: accents dropped, µ becomes u, anything else '_'. */
    static String ascii(String text) {
        String s = text.replace('\u00B5', 'u').replace('\u03BC', 'u').replace("\u00DF", "ss");
        s = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(c >= 32 && c <= 126 ? c : '_');
        }
        return b.toString();
    }

    /** An EDF+ subfield: unknown → "X", spaces → '_' (subfields are separated by single spaces). */
    static String subfield(String text) {
        if (text == null || text.isBlank()) {
            return "X";
        }
        return ascii(text.strip()).replace(' ', '_');
    }

    /** Subfield back to text: "X" → null, '_' → ' '. */
    static String fromSubfield(String field) {
        return field == null || field.isEmpty() || field.equals("X") ? null : field.replace('_', ' ');
    }

    /** Left-justified and space-padded to {@code width}; the caller makes sure it fits. */
    static void put(byte[] header, int offset, int width, String value) {
        byte[] bytes = value.getBytes(StandardCharsets.US_ASCII);
        if (bytes.length > width) {
            throw new IllegalStateException("'" + value + "' does not fit " + width + " characters");
        }
        for (int i = 0; i < width; i++) {
            header[offset + i] = i < bytes.length ? bytes[i] : (byte) ' ';
        }
    }

    static String fit(String value, int width) {
        return value.length() <= width ? value : value.substring(0, width);
    }

    /**
     * The shortest decimal text of at most 8 characters for {@code value}, rounded in
     * {@code direction} (CEILING for a maximum, FLOOR for a minimum, so the written range still
     * contains the amplifier's range). Throws when even the integer part needs more than 8 characters.
     */
    static String number8(double value, RoundingMode direction) {
        BigDecimal exact = BigDecimal.valueOf(value);
        for (int decimals = 7; decimals >= 0; decimals--) {
            String s = plain(exact.setScale(decimals, direction));
            if (s.length() <= 8) {
                return s;
            }
        }
        throw new IllegalArgumentException(value + " cannot be written in the 8 characters of an EDF header field");
    }

    /** Seconds with at most 7 decimals (100 ns, EDFlib's resolution), no trailing zeros. */
    static String seconds(BigDecimal seconds) {
        return plain(seconds.setScale(7, RoundingMode.HALF_EVEN));
    }

    static String plain(BigDecimal value) {
        BigDecimal v = value.stripTrailingZeros();
        if (v.signum() == 0) {
            return "0";
        }
        return v.toPlainString();
    }

    static String date(int day, int month, int year) {
        return String.format(Locale.ROOT, "%02d-%s-%04d", day, MONTHS[month - 1], year);
    }

    /** Month number of "JAN".."DEC" (any case), or 0. */
    static int month(String name) {
        for (int i = 0; i < MONTHS.length; i++) {
            if (MONTHS[i].equalsIgnoreCase(name)) {
                return i + 1;
            }
        }
        return 0;
    }
}
