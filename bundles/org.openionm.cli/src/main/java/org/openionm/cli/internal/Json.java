package org.openionm.cli.internal;

import java.util.Locale;

/** Just enough JSON writing for result files: strings escaped per RFC 8259, numbers never NaN. */
final class Json {

    private final StringBuilder out = new StringBuilder();
    private boolean first = true;

    Json begin(char bracket) {
        out.append(bracket);
        first = true;
        return this;
    }

    Json end(char bracket) {
        out.append(bracket);
        first = false;
        return this;
    }

    Json key(String name) {
        comma();
        string(name).append(':');
        first = true;
        return this;
    }

    Json value(String text) {
        comma();
        string(text);
        first = false;
        return this;
    }

    Json value(double number) {
        comma();
        // JSON has no NaN/Infinity: a value that could not be measured is null, never a made-up number
        out.append(Double.isFinite(number) ? String.format(Locale.ROOT, "%.9g", number).replaceAll("(\\.\\d*?)0+(e|$)", "$1$2")
                .replaceAll("\\.(e|$)", "$1") : "null");
        first = false;
        return this;
    }

    Json value(boolean flag) {
        comma();
        out.append(flag);
        first = false;
        return this;
    }

    Json value(long number) {
        comma();
        out.append(number);
        first = false;
        return this;
    }

    Json field(String name, String text) {
        return key(name).value(text);
    }

    Json field(String name, double number) {
        return key(name).value(number);
    }

    Json field(String name, long number) {
        return key(name).value(number);
    }

    /** Starts an element of an array or object (the opening bracket follows). */
    Json element() {
        comma();
        first = true;
        return this;
    }

    private void comma() {
        if (!first) {
            out.append(',');
        }
    }

    private StringBuilder string(String text) {
        out.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"');
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
