package org.openionm.cli.internal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.ClientCertificate;

/**
 * The broker options {@code publish} and {@code watch} share: {@code --broker tcp://…|ssl://…},
 * {@code --ca <file>} (the CA the broker's certificate must chain to), {@code --user} with the password
 * from {@code --password} or, better (not in the process list), {@code OPENIONM_MQTT_PASSWORD}; or a client
 * certificate, {@code --cert <cert.pem> --key <key.pem>} (key password from {@code OPENIONM_MQTT_KEY_PASSWORD};
 * without {@code --client-id} the client id is then the certificate's CN, the user name the broker gives it).
 */
final class BrokerOptions {

    static final Set<String> NAMES = Set.of("broker", "ca", "user", "password", "client-id", "cert", "key");
    static final String USAGE = "--broker <tcp://host:1883|ssl://host:8883> [--ca <ca.pem>] [--user <name>]"
            + " [--password <p>, or OPENIONM_MQTT_PASSWORD] [--cert <client.pem> --key <client.key>, key password in OPENIONM_MQTT_KEY_PASSWORD]"
            + " [--client-id <id>]";

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
        ClientCertificate certificate = clientCertificate(a, uri);
        String clientId = a.optional("client-id", null);
        if (clientId == null && certificate != null) {
            try {
                clientId = certificate.commonName();
            } catch (java.io.IOException e) {
                throw new UsageException("--cert " + certificate.certFile() + ": " + e.getMessage());
            }
        }
        try {
            return new BrokerSettings(uri, clientId == null ? defaultClientId : clientId, user,
                    password == null ? null : password.toCharArray(), ca == null ? null : Path.of(ca), certificate);
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static ClientCertificate clientCertificate(Arguments a, String uri) throws UsageException {
        String cert = a.optional("cert", null);
        String key = a.optional("key", null);
        if (cert == null && key == null) {
            return null;
        }
        if (cert == null || key == null) {
            throw new UsageException("a client certificate needs both --cert <cert.pem> and --key <key.pem>");
        }
        if (!uri.startsWith("ssl://")) {
            throw new UsageException("--cert needs an ssl:// broker");
        }
        for (String f : new String[] {cert, key}) {
            if (!Files.isReadable(Path.of(f))) {
                throw new UsageException((f == cert ? "--cert " : "--key ") + f + ": no readable file");
            }
        }
        return ClientCertificate.of(Path.of(cert), Path.of(key));
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
