package org.openionm.readingroom;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How to reach the broker: {@code tcp://host:1883} or {@code ssl://host:8883} (TLS; the client
 * verifies the broker's certificate against {@code caFile}, or the JDK's trust store when none is
 * given, and its host name); with {@code clientCertificate} (ssl:// only) the client also proves who it is
 * with a certificate (see {@link ClientCertificate}). The password never appears in {@link #toString()}.
 *
 * @since 0.2.0
 */
public record BrokerSettings(String uri, String clientId, String user, char[] password, Path caFile,
        ClientCertificate clientCertificate) {

    public BrokerSettings {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(clientId, "clientId");
        if (!uri.startsWith("tcp://") && !uri.startsWith("ssl://")) {
            throw new IllegalArgumentException("broker '" + uri + "' must start with tcp:// or ssl://");
        }
        if (!clientId.matches("[A-Za-z0-9._-]{1,64}")) {
            throw new IllegalArgumentException("client id '" + clientId + "': 1-64 letters, digits, '.', '_' or '-'");
        }
        if (caFile != null && !uri.startsWith("ssl://")) {
            throw new IllegalArgumentException("a CA file (" + caFile + ") needs an ssl:// broker, not " + uri);
        }
        if (clientCertificate != null && !uri.startsWith("ssl://")) {
            throw new IllegalArgumentException("a client certificate (" + clientCertificate.certFile() + ") needs an ssl:// broker, not " + uri);
        }
        password = password == null ? null : password.clone();
    }

    /** Without a client certificate (the form of 0.2.0). */
    public BrokerSettings(String uri, String clientId, String user, char[] password, Path caFile) {
        this(uri, clientId, user, password, caFile, null);
    }

    public static BrokerSettings of(String uri, String clientId) {
        return new BrokerSettings(uri, clientId, null, null, null, null);
    }

    public BrokerSettings withLogin(String user, char[] password) {
        return new BrokerSettings(uri, clientId, user, password, caFile, clientCertificate);
    }

    public BrokerSettings withCaFile(Path caFile) {
        return new BrokerSettings(uri, clientId, user, password, caFile, clientCertificate);
    }

    public BrokerSettings withClientId(String clientId) {
        return new BrokerSettings(uri, clientId, user, password, caFile, clientCertificate);
    }

    /**
     * With a client certificate for TLS client authentication ({@code null}: none).
     *
     * @since 0.3.0
     */
    public BrokerSettings withClientCertificate(ClientCertificate clientCertificate) {
        return new BrokerSettings(uri, clientId, user, password, caFile, clientCertificate);
    }

    public boolean tls() {
        return uri.startsWith("ssl://");
    }

    @Override
    public String toString() {
        return "BrokerSettings[" + uri + ", client " + clientId + (user == null ? "" : ", user " + user + ", password ***")
                + (caFile == null ? "" : ", CA " + caFile)
                + (clientCertificate == null ? "" : ", " + clientCertificate) + "]";
    }
}
