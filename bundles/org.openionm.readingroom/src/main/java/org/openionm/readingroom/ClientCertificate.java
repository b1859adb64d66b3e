package org.openionm.readingroom;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A client certificate for TLS client authentication (Mosquitto's {@code require_certificate} with
 * {@code use_identity_as_username}: the broker takes the certificate's CN as the user name its ACL
 * applies to). Both files are PEM, as {@code openssl} writes them: {@code certFile} the certificate
 * (optionally followed by its intermediate CAs), {@code keyFile} its private key as PKCS#8
 * ({@code BEGIN PRIVATE KEY}, or {@code BEGIN ENCRYPTED PRIVATE KEY} with {@code keyPassword}) or a
 * traditional RSA key ({@code BEGIN RSA PRIVATE KEY}, unencrypted). Read by the JDK alone, no extra
 * library. The key password never appears in {@link #toString()}.
 *
 * @since 0.3.0
 */
public record ClientCertificate(Path certFile, Path keyFile, char[] keyPassword) {

    /** The environment variable a key password is read from (never a property or an argument: the process list shows those). */
    public static final String KEY_PASSWORD_ENV = "OPENIONM_MQTT_KEY_PASSWORD";

    public ClientCertificate {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        keyPassword = keyPassword == null ? null : keyPassword.clone();
    }

    /** The certificate and key, with the key password from {@value #KEY_PASSWORD_ENV} when it is set. */
    public static ClientCertificate of(Path certFile, Path keyFile) {
        String pw = System.getenv(KEY_PASSWORD_ENV);
        return new ClientCertificate(certFile, keyFile, pw == null || pw.isEmpty() ? null : pw.toCharArray());
    }

    /**
     * The CN of the certificate (the first in the file): the user name a broker with {@code
     * use_identity_as_username} gives this client, and so the client id a reader should use (the ACL's
     * response pattern is by user name).
     *
     * @throws IOException when the file holds no certificate or the subject no CN
     */
    public String commonName() throws IOException {
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(certFile)) {
            java.security.cert.X509Certificate c = (java.security.cert.X509Certificate) java.security.cert.CertificateFactory
                    .getInstance("X.509").generateCertificate(in);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:^|,)\\s*CN=((?:[^,\\\\]|\\\\.)+)")
                    .matcher(c.getSubjectX500Principal().getName());
            if (!m.find()) {
                throw new IOException("certificate " + certFile + " has no CN in its subject " + c.getSubjectX500Principal());
            }
            return m.group(1).trim();
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("certificate file " + certFile + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
    }

    @Override
    public char[] keyPassword() {
        return keyPassword == null ? null : keyPassword.clone();
    }

    @Override
    public String toString() {
        return "client certificate " + certFile + ", key " + keyFile + (keyPassword == null ? "" : " (key password ***)");
    }
}
