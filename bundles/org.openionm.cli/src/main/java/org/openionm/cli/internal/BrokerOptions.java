package org.openionm.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.openionm.readingroom.BrokerSettings;

/**
 * The broker options {@code publish} and {@code watch} share: {@code --broker tcp://…|ssl://…},
 * {@code --ca <file>} (the CA the broker's certificate must chain to), {@code --user} with the password
 * from {@code --password} or, better (not in the process list), {@code OPENIONM_MQTT_PASSWORD}.
 */
final class BrokerOptions {

    static final Set<String> NAMES = Set.of("broker", "ca", "user", "password", "client-id");
    static final String USAGE = "--broker <tcp://host:1883|ssl://host:8883> [--ca <ca.pem>] [--user <name>]"
            + " [--password <p>, or OPENIONM_MQTT_PASSWORD] [--client-id <id>]";

    private BrokerOptions() {
    }

    static BrokerSettings from(Arguments a, String defaultClientId) throws UsageException {
        String uri = a.required("broker");
        if (!uri.startsWith("tcp://") && !uri.startsWith("ssl://")) {
            throw new UsageException("--broker " + uri + ": must start with tcp:// or ssl://");
        }
        String ca = a.optional("ca", null);
        if (ca != null && !Files.isReadable(Path.of(ca))) {
            throw new UsageException("--ca " + ca + ": no readable file");
        }
        if (ca != null && !uri.startsWith("ssl://")) {
            throw new UsageException("--ca needs an ssl:// broker");
        }
        String user = a.optional("user", null);
        String password = a.optional("password", System.getenv("OPENIONM_MQTT_PASSWORD"));
        if (password != null && user == null) {
            throw new UsageException("a password without --user");
        }
        try {
            return new BrokerSettings(uri, a.optional("client-id", defaultClientId), user,
                    password == null ? null : password.toCharArray(), ca == null ? null : Path.of(ca));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    /** Whether the reading-room feature is installed (the cli imports it optionally). */
    static void requireReadingRoom(String command) {
        try {
            Class.forName("org.openionm.readingroom.OrPublisher", false, BrokerOptions.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalStateException(command + " needs the reading-room feature (org.openionm.readingroom.feature):"
                    + " add it with ./openionm site --add readingroom");
        }
    }
}
