package org.openionm.processing.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The department's modality settings between runs: one {@code <processor>.<setting>=<value>} line per
 * value that differs from its default, in the text form of its descriptor ({@code ssep.upper.sweeps=300},
 * {@code mep.alarm.preset=brain}, {@code ssep.alarm.subcortical=true}). Written whole to a temporary file
 * and moved into place, so a crash or a full disk never leaves half a file; a line that is not
 * {@code <processor>.<setting>} is reported and skipped. Values stay text here: only the processor's
 * descriptors can read them (the processor host does, once the processor is installed).
 */
public final class SettingsFile {

    private SettingsFile() {
    }

    /** The saved overrides by processor, as text; a missing file is no overrides. Unreadable lines go to {@code problems}. */
    public static Map<String, Map<String, String>> load(Path file, Consumer<String> problems) throws IOException {
        Map<String, Map<String, String>> saved = new TreeMap<>();
        if (!Files.exists(file)) {
            return saved;
        }
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        for (String name : new TreeMap<>(p).keySet().stream().map(Object::toString).toList()) {
            int dot = name.indexOf('.');
            String text = p.getProperty(name).strip();
            if (dot <= 0 || dot == name.length() - 1) {
                problems.accept(file + ": '" + name + "' is not <processor>.<setting>; skipped");
                continue;
            }
            saved.computeIfAbsent(name.substring(0, dot), k -> new LinkedHashMap<>()).put(name.substring(dot + 1), text);
        }
        return saved;
    }

    static void save(Path file, Map<String, Map<String, String>> overrides) throws IOException {
        save(file, overrides, "OpenIONM modality settings that differ from their defaults (Setup > Modality settings)");
    }

    /** Writes {@code values} under a one-line {@code comment}, whole or not at all. */
    public static void save(Path file, Map<String, Map<String, String>> values, String comment) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        Path temp = Files.createTempFile(file.toAbsolutePath().getParent(), file.getFileName().toString(), ".tmp");
        try {
            try (Writer out = Files.newBufferedWriter(temp, StandardCharsets.UTF_8)) {
                out.write("# " + comment + "\n");
                for (String processor : new TreeMap<>(values).keySet()) {
                    for (Map.Entry<String, String> e : new TreeMap<>(values.get(processor)).entrySet()) {
                        out.write(processor + "." + e.getKey() + "=" + escape(e.getValue()) + "\n");
                    }
                }
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** A value as a properties line keeps it: a text setting may hold a backslash or a line break. */
    private static String escape(String value) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
