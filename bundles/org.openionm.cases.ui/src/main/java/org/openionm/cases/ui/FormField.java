package org.openionm.cases.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The fields of the new-case form, and which of them a validation message is about. The store's
 * messages name their field in words ("MRN must be 4–20 letters or digits…", "birth date 2031-01-01 is
 * in the future"); the form shows each under the field it names, and what names none under the form.
 */
enum FormField {
    // order matters for matching: the more specific words first ("birth" before "name", the team roles before "name")
    MRN("mrn", "record number"),
    BIRTH_DATE("birth"),
    SEX("sex"),
    SCHEDULED("scheduled", "start"),
    SURGEON("surgeon"),
    ANESTHESIOLOGIST("anesthesiologist", "anaesthetist", "anesthetist"),
    NEUROPHYSIOLOGIST("neurophysiologist"),
    TECHNOLOGIST("technologist"),
    TEMPLATE("template", "protocol"),
    GIVEN("given"),
    FAMILY("family", "patient name", "name"),
    LEVELS("level"),
    SIDE("side"),
    PROCEDURE("procedure"),
    DESCRIPTION("description", "free text"),
    OTHER();

    private final String[] words;

    FormField(String... words) {
        this.words = words;
    }

    /** The field a message is about (the first whose words it contains), or OTHER. */
    static FormField of(String message) {
        String m = message.toLowerCase(Locale.ROOT);
        for (FormField f : values()) {
            for (String w : f.words) {
                if (m.contains(w)) {
                    return f;
                }
            }
        }
        return OTHER;
    }

    /** Messages grouped by the field they are about, in their order. */
    static Map<FormField, List<String>> group(List<String> messages) {
        Map<FormField, List<String>> byField = new EnumMap<>(FormField.class);
        for (String m : messages) {
            byField.computeIfAbsent(of(m), f -> new ArrayList<>()).add(m);
        }
        return byField;
    }
}
