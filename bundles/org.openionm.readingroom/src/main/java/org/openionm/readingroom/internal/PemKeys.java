package org.openionm.readingroom.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * PEM certificate chains and private keys with the JDK alone: PKCS#8 (plain or password-encrypted,
 * what {@code openssl genpkey} / OpenSSL 3 write) and traditional RSA keys (PKCS#1, wrapped into
 * PKCS#8 here). Other traditional forms ({@code EC PRIVATE KEY}) get a message saying how to convert.
 */
final class PemKeys {

    private static final Pattern BLOCK = Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----");
    /** AlgorithmIdentifier of rsaEncryption (1.2.840.113549.1.1.1) with NULL parameters, DER. */
    private static final byte[] RSA_ALGORITHM = {0x30, 0x0d, 0x06, 0x09, 0x2a, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xf7, 0x0d,
            0x01, 0x01, 0x01, 0x05, 0x00};

    private PemKeys() {
    }

    static List<X509Certificate> certificates(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            List<X509Certificate> chain = CertificateFactory.getInstance("X.509").generateCertificates(in).stream()
                    .map(X509Certificate.class::cast).toList();
            if (chain.isEmpty()) {
                throw new IOException("certificate file " + file + " holds no certificate");
            }
            return chain;
        } catch (java.security.cert.CertificateException e) {
            throw new IOException("certificate file " + file + ": not a PEM certificate (" + e.getMessage() + ")", e);
        }
    }

    static PrivateKey privateKey(Path file, char[] password) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        Matcher m = BLOCK.matcher(text);
        while (m.find()) {
            String type = m.group(1);
            byte[] der;
            try {
                der = Base64.getMimeDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw new IOException("key file " + file + ": broken base64 in " + type, e);
            }
            switch (type) {
                case "PRIVATE KEY":
                    return pkcs8(file, der);
                case "ENCRYPTED PRIVATE KEY":
                    if (password == null || password.length == 0) {
                        throw new IOException("key file " + file + " is encrypted: set its password in OPENIONM_MQTT_KEY_PASSWORD");
                    }
                    return pkcs8(file, decrypt(file, der, password));
                case "RSA PRIVATE KEY":
                    if (text.contains("Proc-Type: 4,ENCRYPTED")) {
                        throw new IOException("key file " + file + ": an encrypted traditional RSA key; convert it with"
                                + " 'openssl pkcs8 -topk8 -in " + file.getFileName() + " -out key.pem' (PKCS#8, encrypted or not)");
                    }
                    return pkcs8(file, wrapRsa(der));
                default:
                    if (type.endsWith("PRIVATE KEY")) {
                        throw new IOException("key file " + file + ": '" + type + "' is not read; convert it to PKCS#8 with"
                                + " 'openssl pkcs8 -topk8 -nocrypt -in " + file.getFileName() + " -out key.pem'");
                    }
            }
        }
        throw new IOException("key file " + file + " holds no PEM private key (BEGIN PRIVATE KEY)");
    }

    private static PrivateKey pkcs8(Path file, byte[] der) throws IOException {
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(der);
        for (String algorithm : List.of("RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // the PKCS#8 structure names its algorithm; the JDK wants it said, so try the usual ones
            }
        }
        throw new IOException("key file " + file + ": not an RSA, EC or EdDSA private key");
    }

    private static byte[] decrypt(Path file, byte[] der, char[] password) throws IOException {
        try {
            EncryptedPrivateKeyInfo info = new EncryptedPrivateKeyInfo(der);
            String algorithm = info.getAlgParameters() == null ? info.getAlgName() : info.getAlgParameters().toString();
            SecretKeyFactory f = SecretKeyFactory.getInstance(algorithm);
            Cipher c = Cipher.getInstance(algorithm);
            c.init(Cipher.DECRYPT_MODE, f.generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            return info.getKeySpec(c).getEncoded();
        } catch (GeneralSecurityException | IOException e) {
            // a wrong password shows as a padding or parse error: say which it probably is, never the password
            throw new IOException("key file " + file + ": cannot decrypt it (wrong OPENIONM_MQTT_KEY_PASSWORD, or an unsupported"
                    + " encryption: " + e.getClass().getSimpleName() + ")", e);
        }
    }

    /** PrivateKeyInfo ::= SEQUENCE { version 0, rsaEncryption, OCTET STRING pkcs1 }. */
    static byte[] wrapRsa(byte[] pkcs1) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(0x02);
        body.write(0x01);
        body.write(0x00);
        body.writeBytes(RSA_ALGORITHM);
        body.write(0x04);
        body.writeBytes(length(pkcs1.length));
        body.writeBytes(pkcs1);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(0x30);
        out.writeBytes(length(body.size()));
        out.writeBytes(body.toByteArray());
        return out.toByteArray();
    }

    private static byte[] length(int n) {
        if (n < 0x80) {
            return new byte[] {(byte) n};
        }
        if (n < 0x100) {
            return new byte[] {(byte) 0x81, (byte) n};
        }
        if (n < 0x10000) {
            return new byte[] {(byte) 0x82, (byte) (n >> 8), (byte) n};
        }
        return new byte[] {(byte) 0x83, (byte) (n >> 16), (byte) (n >> 8), (byte) n};
    }
}
