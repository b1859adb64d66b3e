package org.openionm.io.edf;

import java.math.RoundingMode;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The header record of an EDF+/BDF+ file as bytes (256 + 256 × signals, the annotation signal
 * last), and the EDF+ patient and recording identification fitted into their 80 characters.
 */
final class EdfHeaderBytes {

    private EdfHeaderBytes() {
    }

    /** @param recordCount −1 while the recording is open (EDF+ spec), the count once it is closed */
    static byte[] compose(EdfFormat format, LocalDateTime start, String patientField, String recordingField,
            int headerBytes, boolean discontinuous, long recordCount, String durationText, List<EdfSignal> signals,
            int annotationSamples, int samplesPerRecord) {
        int ns = signals.size() + 1;
        byte[] h = new byte[headerBytes];
        if (format == EdfFormat.BDF) {
            h[0] = (byte) 0xFF;
            EdfText.put(h, 1, 7, "BIOSEMI");
        } else {
            EdfText.put(h, 0, 8, "0");
        }
        EdfText.put(h, 8, 80, patientField);
        EdfText.put(h, 88, 80, recordingField);
        EdfText.put(h, 168, 8, String.format(Locale.ROOT, "%02d.%02d.%02d", start.getDayOfMonth(), start.getMonthValue(),
                Math.floorMod(start.getYear(), 100)));
        EdfText.put(h, 176, 8, String.format(Locale.ROOT, "%02d.%02d.%02d", start.getHour(), start.getMinute(),
                start.getSecond()));
        EdfText.put(h, 184, 8, Integer.toString(headerBytes));
        EdfText.put(h, 192, 44, (format == EdfFormat.EDF ? "EDF+" : "BDF+") + (discontinuous ? "D" : "C"));
        EdfText.put(h, 236, 8, Long.toString(recordCount));
        EdfText.put(h, 244, 8, durationText);
        EdfText.put(h, 252, 4, Integer.toString(ns));
        for (int i = 0; i < ns; i++) {
            boolean annotations = i == ns - 1;
            EdfSignal s = annotations ? null : signals.get(i);
            EdfText.put(h, 256 + i * 16, 16, annotations ? format.annotationLabel() : s.label());
            EdfText.put(h, 256 + ns * 16 + i * 80, 80, annotations ? "" : s.transducer());
            EdfText.put(h, 256 + ns * 96 + i * 8, 8, annotations ? "" : s.physicalDimension());
            EdfText.put(h, 256 + ns * 104 + i * 8, 8, annotations ? "-1" : EdfText.number8(s.physicalMin(), RoundingMode.FLOOR));
            EdfText.put(h, 256 + ns * 112 + i * 8, 8, annotations ? "1" : EdfText.number8(s.physicalMax(), RoundingMode.CEILING));
            EdfText.put(h, 256 + ns * 120 + i * 8, 8, Integer.toString(format.digitalMin()));
            EdfText.put(h, 256 + ns * 128 + i * 8, 8, Integer.toString(format.digitalMax()));
            EdfText.put(h, 256 + ns * 136 + i * 80, 80, annotations ? "" : s.prefiltering());
            EdfText.put(h, 256 + ns * 216 + i * 8, 8, Integer.toString(annotations ? annotationSamples : samplesPerRecord));
            EdfText.put(h, 256 + ns * 224 + i * 32, 32, "");
        }
        return h;
    }

    static String patientField(EdfRecordingInfo i, Consumer<String> warn) {
        String code = EdfText.subfield(i.patientCode());
        if (code.length() > 64) { // EDFlib needs the sex subfield within the first 66 characters
            code = code.substring(0, 64);
            warn.accept("patient code truncated to 64 characters");
        }
        String sex = sex(i.sex());
        String birth = i.birthdate() == null ? "X"
                : EdfText.date(i.birthdate().getDayOfMonth(), i.birthdate().getMonthValue(), i.birthdate().getYear());
        String name = EdfText.subfield(i.patientName());
        String prefix = code + " " + sex + " " + birth + " ";
        if (prefix.length() + name.length() > 80) {
            name = name.substring(0, Math.max(1, 80 - prefix.length()));
            warn.accept("patient name truncated to fit the 80-character patient field");
        }
        return EdfText.fit(prefix + name, 80);
    }

    static String recordingField(EdfRecordingInfo i, Consumer<String> warn) {
        LocalDateTime start = i.start();
        String[] parts = { EdfText.subfield(i.adminCode()), EdfText.subfield(i.technician()),
                EdfText.subfield(i.equipment()) };
        String head = "Startdate " + EdfText.date(start.getDayOfMonth(), start.getMonthValue(), start.getYear());
        for (int k = 2; k >= 0; k--) {
            int length = head.length() + 3 + parts[0].length() + parts[1].length() + parts[2].length();
            if (length > 80) {
                parts[k] = parts[k].substring(0, Math.max(1, parts[k].length() - (length - 80)));
                warn.accept("recording field subfield truncated to fit 80 characters: " + parts[k]);
            }
        }
        return head + " " + parts[0] + " " + parts[1] + " " + parts[2];
    }

    private static String sex(String sex) {
        if (sex == null || sex.isBlank()) {
            return "X";
        }
        char c = Character.toUpperCase(sex.strip().charAt(0));
        return c == 'M' || c == 'F' ? String.valueOf(c) : "X";
    }
}
