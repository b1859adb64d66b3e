package org.openionm.readingroom.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;

import javax.net.SocketFactory;
import javax.net.ssl.KeyManager;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.openionm.readingroom.ClientCertificate;

/**
 * TLS 1.2+ socket factory trusting the given CA (PEM), or the JDK's trust store when none is given;
 * with a client certificate it also presents that (PEM certificate and key, read by {@link PemKeys}).
 */
final class Tls {

    private Tls() {
    }

    static SocketFactory socketFactory(Path caFile) throws IOException {
        return socketFactory(caFile, null);
    }

    static SocketFactory socketFactory(Path caFile, ClientCertificate client) throws IOException {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            if (caFile == null) {
                tmf.init((KeyStore) null);
            } else {
                KeyStore ks = KeyStore.getInstance(KeyStore.getDefaultType());
                ks.load(null, null);
                try (InputStream in = Files.newInputStream(caFile)) {
                    int i = 0;
                    for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                        ks.setCertificateEntry("ca-" + i++, c);
                    }
                    if (i == 0) {
                        throw new IOException("CA file " + caFile + " holds no certificate");
                    }
                }
                tmf.init(ks);
            }
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(client == null ? null : keyManagers(client), tmf.getTrustManagers(), null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot set up TLS with CA file " + caFile + ": " + e.getMessage(), e);
        }
    }

    private static KeyManager[] keyManagers(ClientCertificate client) throws IOException, GeneralSecurityException {
        java.util.List<java.security.cert.X509Certificate> chain = PemKeys.certificates(client.certFile());
        java.security.PrivateKey key = PemKeys.privateKey(client.keyFile(), client.keyPassword());
        // an in-memory store only to hand the pair to the JDK's key manager; its password protects nothing
        char[] transientPassword = "openionm".toCharArray();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try {
            ks.setKeyEntry("client", key, transientPassword, chain.toArray(new Certificate[0]));
        } catch (java.security.KeyStoreException e) {
            throw new IOException("client certificate " + client.certFile() + " does not belong to key " + client.keyFile()
                    + ": " + e.getMessage(), e);
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, transientPassword);
        return kmf.getKeyManagers();
    }
}
