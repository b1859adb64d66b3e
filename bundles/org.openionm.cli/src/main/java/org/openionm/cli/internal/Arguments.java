package org.openionm.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code --name value} options and positional arguments, checked against what a command accepts. */
final class Arguments {

    private final Map<String, String> options = new LinkedHashMap<>();
    private final List<String> positional = new ArrayList<>();
    /** Every value of an option given more than once, in order (options holds the last). */
    private final Map<String, List<String>> repeated = new LinkedHashMap<>();

    static Arguments parse(String[] args, Set<String> known) throws UsageException {
        Arguments parsed = new Arguments();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--")) {
                String name = arg.substring(2);
                if (!known.contains(name)) {
                    throw new UsageException("unknown option --" + name);
                }
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException("option --" + name + " needs a value");
                }
                parsed.options.put(name, args[++i]);
                parsed.repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(args[i]);
            } else {
                parsed.positional.add(arg);
            }
        }
        return parsed;
    }

    String required(String name) throws UsageException {
        String value = options.get(name);
        if (value == null) {
            throw new UsageException("missing --" + name);
        }
        return value;
    }

    String optional(String name, String fallback) {
        return options.getOrDefault(name, fallback);
    }

    double number(String name, double fallback, double min, double max) throws UsageException {
        String text = options.get(name);
        if (text == null) {
            return fallback;
        }
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was '" + text + "'");
        }
        if (!(value >= min && value <= max)) {
            throw new UsageException("--" + name + " must be between " + min + " and " + max + ", was " + text);
        }
        return value;
    }

    /** All values of a repeatable option, e.g. {@code --set a=1 --set b=2}; empty when not given. */
    List<String> values(String name) {
        return List.copyOf(repeated.getOrDefault(name, List.of()));
    }

    List<String> positional() {
        return List.copyOf(positional);
    }
}
