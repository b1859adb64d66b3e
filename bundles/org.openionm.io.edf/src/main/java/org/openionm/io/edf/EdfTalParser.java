package org.openionm.io.edf;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * The time-stamped annotation lists (TALs) of one "EDF Annotations" signal in one data record,
 * checked byte by byte (EDF+ spec, section 2.2): every loop is bounded by the record, every error
 * names the byte offset in the file.
 */
final class EdfTalParser {

    private static final Pattern ONSET = Pattern.compile("[+-]\\d+(\\.\\d+)?");
    private static final Pattern DURATION = Pattern.compile("\\d+(\\.\\d+)?");

    private EdfTalParser() {
    }

    /** Parses one annotation signal of one record; returns the time-keeping onset (first signal only). */
    static Double parse(byte[] b, int offset, int length, long fileOffset, long record, boolean timeKeeping,
            List<EdfAnnotation> out, CharsetDecoder decoder, Consumer<String> warnings) throws EdfFormatException {
        int end = offset + length;
        int p = offset;
        Double recordStart = null;
        boolean firstTal = true;
        while (p < end && b[p] != 0) {
            int talStart = p;
            if (b[p] != '+' && b[p] != '-') {
                throw talError(fileOffset, p - offset, record, "TAL must start with '+' or '-', found byte "
                        + (b[p] & 0xFF));
            }
            int q = p + 1;
            while (q < end && b[q] != 0x14 && b[q] != 0x15 && b[q] != 0) {
                q++;
            }
            String onsetText = new String(b, p, q - p, StandardCharsets.ISO_8859_1);
            if (q >= end || b[q] == 0 || !ONSET.matcher(onsetText).matches()) {
                throw talError(fileOffset, talStart - offset, record, "bad onset '" + printable(onsetText) + "'");
            }
            double onset = Double.parseDouble(onsetText);
            double duration = 0;
            if (b[q] == 0x15) {
                int d = q + 1;
                q = d;
                while (q < end && b[q] != 0x14 && b[q] != 0x15 && b[q] != 0) {
                    q++;
                }
                String durationText = new String(b, d, q - d, StandardCharsets.ISO_8859_1);
                if (q >= end || b[q] != 0x14 || !DURATION.matcher(durationText).matches()) {
                    throw talError(fileOffset, d - offset, record, "bad duration '" + printable(durationText) + "'");
                }
                duration = Double.parseDouble(durationText);
            }
            q++; // past the 0x14 that ends onset/duration
            int texts = 0;
            while (true) {
                if (q >= end) {
                    throw talError(fileOffset, talStart - offset, record, "TAL not terminated by 0x14 0x00 within the record");
                }
                if (b[q] == 0) {
                    if (texts == 0) {
                        throw talError(fileOffset, q - offset, record, "TAL has no 0x14 after its onset before 0x00");
                    }
                    q++;
                    break;
                }
                int t = q;
                while (q < end && b[q] != 0x14 && b[q] != 0) {
                    q++;
                }
                if (q >= end || b[q] != 0x14) {
                    throw talError(fileOffset, t - offset, record, "annotation text not terminated by 0x14");
                }
                String text = text(b, t, q - t, decoder, record, warnings);
                if (firstTal && timeKeeping && texts == 0) {
                    if (!text.isEmpty()) {
                        throw talError(fileOffset, talStart - offset, record,
                                "first TAL must be the time-keeping TAL (empty text), found '" + text + "'");
                    }
                    recordStart = onset;
                } else if (!text.isEmpty()) {
                    out.add(new EdfAnnotation(onset, duration, text, record));
                }
                texts++;
                q++;
            }
            p = q;
            firstTal = false;
        }
        for (int z = p; z < end; z++) {
            if (b[z] != 0) {
                throw talError(fileOffset, z - offset, record, "byte " + (b[z] & 0xFF)
                        + " after the end of the TALs (unused bytes must be 0)");
            }
        }
        if (timeKeeping && recordStart == null) {
            throw talError(fileOffset, 0, record, "record has no time-keeping TAL");
        }
        return recordStart;
    }

    private static String text(byte[] b, int from, int length, CharsetDecoder decoder, long record, Consumer<String> warnings) {
        try {
            return decoder.decode(ByteBuffer.wrap(b, from, length)).toString();
        } catch (CharacterCodingException e) {
            warnings.accept("annotation in record " + record + " is not valid UTF-8; undecodable bytes replaced");
            return new String(b, from, length, StandardCharsets.UTF_8);
        }
    }

    private static EdfFormatException talError(long fileOffset, int within, long record, String detail) {
        return new EdfFormatException("EDF Annotations", fileOffset + within, "record " + record + ": " + detail);
    }

    private static String printable(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            b.append(c >= 32 && c < 127 ? String.valueOf(c) : String.format("\\x%02x", (int) c));
        }
        return b.toString();
    }
}
