package org.openionm.readingroom.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The key forms {@code openssl} writes, read back to the same key: PKCS#8, PKCS#8 encrypted with a
 * password, and a traditional RSA key (PKCS#1, wrapped here); a wrong or missing password and an EC
 * traditional key give messages that say what to do, never the password.
 */
class PemKeysTest {

    @TempDir
    Path dir;

    @Test
    void theFormsOpensslWritesGiveTheSameKey() throws Exception {
        Path plain = dir.resolve("plain.pem");
        openssl("genpkey", "-algorithm", "RSA", "-pkeyopt", "rsa_keygen_bits:2048", "-out", plain.toString());
        Path encrypted = dir.resolve("enc.pem");
        openssl("pkcs8", "-topk8", "-in", plain.toString(), "-v2", "aes-256-cbc", "-passout", "pass:p4ss", "-out", encrypted.toString());
        Path traditional = dir.resolve("rsa.pem");
        openssl("rsa", "-in", plain.toString(), "-traditional", "-out", traditional.toString());
        assertTrue(Files.readString(traditional).startsWith("-----BEGIN RSA PRIVATE KEY-----"));
        assertTrue(Files.readString(encrypted).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----"));

        PrivateKey k = PemKeys.privateKey(plain, null);
        assertEquals("RSA", k.getAlgorithm());
        assertArrayEquals(k.getEncoded(), PemKeys.privateKey(encrypted, "p4ss".toCharArray()).getEncoded());
        assertArrayEquals(k.getEncoded(), PemKeys.privateKey(traditional, null).getEncoded());

        IOException wrong = assertThrows(IOException.class, () -> PemKeys.privateKey(encrypted, "guess".toCharArray()));
        assertTrue(wrong.getMessage().contains("OPENIONM_MQTT_KEY_PASSWORD"), wrong.getMessage());
        assertFalse(wrong.getMessage().contains("guess"));
        IOException none = assertThrows(IOException.class, () -> PemKeys.privateKey(encrypted, null));
        assertTrue(none.getMessage().contains("is encrypted"), none.getMessage());
    }

    @Test
    void traditionalEcKeySaysHowToConvert() throws Exception {
        Path ec = dir.resolve("ec.pem");
        openssl("ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", ec.toString());
        IOException e = assertThrows(IOException.class, () -> PemKeys.privateKey(ec, null));
        assertTrue(e.getMessage().contains("'EC PRIVATE KEY' is not read") && e.getMessage().contains("openssl pkcs8 -topk8"),
                e.getMessage());
    }

    private void openssl(String... args) throws Exception {
        List<String> cmd = new java.util.ArrayList<>(List.of("openssl"));
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "openssl finished");
        assertEquals(0, p.exitValue(), () -> String.join(" ", cmd) + ": " + read(dir.resolve("openssl.log")));
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return e.getMessage();
        }
    }
}
