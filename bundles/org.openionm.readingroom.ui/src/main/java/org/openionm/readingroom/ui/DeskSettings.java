package org.openionm.readingroom.ui;

import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;

import org.openionm.readingroom.BrokerSettings;
import org.openionm.readingroom.ClientCertificate;
import org.openionm.readingroom.view.ReaderLayoutFiles;

/**
 * Where the reading room connects, from the workbench's settings (system properties, set in
 * {@code openionm.ini} or by {@code ./openionm reading-room --demo}): {@code openionm.readingroom.broker}
 * (tcp://… or ssl://…), {@code .user}, {@code .ca} (CA file for ssl://), {@code .open} ("all": open every
 * live case at once, up to {@link #AUTO_OPEN_MAX}); the password only from {@code OPENIONM_MQTT_PASSWORD}
 * or typed, never a property (it would show in the process list). A client certificate instead of (or
 * besides) a password: {@code openionm.readingroom.cert} and {@code .key} (PEM files; the key's password
 * from {@code OPENIONM_MQTT_KEY_PASSWORD}); without a user the client id is then the certificate's CN.
 * The reader's layout is kept in {@code layoutFolder} (the data area's {@code reading-room} folder; null:
 * not kept).
 */
record DeskSettings(String broker, String user, String caFile, boolean openAll, Path layoutFolder) {

    /** Settings that keep no layout (a {@code null} layout folder). */
    DeskSettings(String broker, String user, String caFile, boolean openAll) {
        this(broker, user, caFile, openAll, null);
    }

    static final String BROKER = "openionm.readingroom.broker";
    static final String USER = "openionm.readingroom.user";
    static final String CA = "openionm.readingroom.ca";
    static final String OPEN = "openionm.readingroom.open";
    static final String CERT = "openionm.readingroom.cert";
    static final String KEY = "openionm.readingroom.key";
    /** Three cases at once: the concurrency guidance for one reading physician (docs/reading-room.md). */
    static final int AUTO_OPEN_MAX = 3;

    static DeskSettings fromSystem() {
        return new DeskSettings(System.getProperty(BROKER, "").trim(), System.getProperty(USER, "").trim(),
                System.getProperty(CA, "").trim(), "all".equals(System.getProperty(OPEN, "").trim()),
                ReaderLayoutFiles.folder(System.getProperty("openionm.data"), System.getenv()));
    }

    boolean configured() {
        return !broker.isEmpty();
    }

    /** The connection for {@code uri} and {@code user} as typed (empty user: none), password typed or from the environment. */
    static BrokerSettings connection(String uri, String user, char[] typedPassword, String caFile) {
        return connection(uri, user, typedPassword, caFile, System.getProperty(CERT, ""), System.getProperty(KEY, ""));
    }

    /** As above, with the client certificate's PEM files (blank: none). */
    static BrokerSettings connection(String uri, String user, char[] typedPassword, String caFile, String certFile, String keyFile) {
        String u = user == null || user.isBlank() ? null : user.strip();
        ClientCertificate certificate = null;
        if (certFile != null && !certFile.isBlank() || keyFile != null && !keyFile.isBlank()) {
            if (certFile == null || certFile.isBlank() || keyFile == null || keyFile.isBlank()) {
                throw new IllegalArgumentException("a client certificate needs both " + CERT + " and " + KEY);
            }
            certificate = ClientCertificate.of(Path.of(certFile.strip()), Path.of(keyFile.strip()));
        }
        // a reader's client id is its user name (the broker's ACL pattern for responses): typed, or the
        // certificate's CN (the broker's user name for it); otherwise a fresh one
        String clientId = u != null && u.matches("[A-Za-z0-9._-]{1,64}") ? u : null;
        if (clientId == null && certificate != null) {
            try {
                String cn = certificate.commonName();
                clientId = cn.matches("[A-Za-z0-9._-]{1,64}") ? cn : null;
            } catch (IOException e) {
                throw new IllegalArgumentException(CERT + ": " + e.getMessage(), e);
            }
        }
        if (clientId == null) {
            clientId = "reader-" + UUID.randomUUID().toString().substring(0, 8);
        }
        char[] password = typedPassword != null && typedPassword.length > 0 ? typedPassword
                : System.getenv("OPENIONM_MQTT_PASSWORD") == null ? null : System.getenv("OPENIONM_MQTT_PASSWORD").toCharArray();
        BrokerSettings s = BrokerSettings.of(uri.strip(), clientId);
        if (u != null) {
            s = s.withLogin(u, password);
        }
        if (caFile != null && !caFile.isBlank()) {
            s = s.withCaFile(Path.of(caFile.strip()));
        }
        return s.withClientCertificate(certificate);
    }
}
