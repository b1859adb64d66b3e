package org.openionm.cases.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {

    /**
     * Made by the reference implementation (libargon2 20190702, {@code argon2id_hash_encoded(t=2,
     * m=19456, p=1, "correct horse battery staple", salt 00 01 … 0f, 32-byte hash)}).
     */
    static final String REFERENCE = "$argon2id$v=19$m=19456,t=2,p=1$AAECAwQFBgcICQoLDA0ODw$gYJZtjEAJqjg26xdLmknq8/bB7MiWPrE9hsYuA+SkIU";

    private final PasswordHasher hasher = new PasswordHasher(PasswordHasher.OWASP);

    @Test
    void owaspParametersAreNineteenMebibytesTwoIterationsOneLane() {
        assertEquals(new PasswordHasher.Params(19456, 2, 1), PasswordHasher.OWASP);
    }

    @Test
    void producesTheReferenceImplementationsHash() {
        byte[] salt = new byte[16];
        for (int i = 0; i < salt.length; i++) {
            salt[i] = (byte) i;
        }
        assertEquals(REFERENCE, PasswordHasher.hash("correct horse battery staple".toCharArray(), salt, PasswordHasher.OWASP));
    }

    @Test
    void checksAReferenceHashAndRejectsAnyOtherPassword() {
        assertTrue(hasher.matches("correct horse battery staple".toCharArray(), REFERENCE));
        assertFalse(hasher.matches("correct horse battery stapler".toCharArray(), REFERENCE));
        assertFalse(hasher.matches("".toCharArray(), REFERENCE));
    }

    @Test
    void eachHashHasItsOwnSaltAndStillMatches() {
        String a = hasher.hash("s3cret-pass".toCharArray());
        String b = hasher.hash("s3cret-pass".toCharArray());
        assertNotEquals(a, b, "a fresh random salt per hash");
        assertNotEquals(a.split("\\$")[4], b.split("\\$")[4]);
        assertTrue(a.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), a);
        assertTrue(hasher.matches("s3cret-pass".toCharArray(), a));
        assertTrue(hasher.matches("s3cret-pass".toCharArray(), b));
    }

    @Test
    void rejectsStoredValuesThatAreNotArgon2id() {
        assertFalse(hasher.matches("x".toCharArray(), null));
        assertFalse(hasher.matches("x".toCharArray(), "x"));
        assertFalse(hasher.matches("correct horse battery staple".toCharArray(), REFERENCE.replace("argon2id", "argon2i")));
        assertFalse(hasher.matchesNothing("anything".toCharArray()));
    }

    @Test
    void aHashWithWeakerParametersNeedsRehashing() {
        String weak = new PasswordHasher(new PasswordHasher.Params(1024, 1, 1)).hash("pw-123456".toCharArray());
        assertTrue(hasher.needsRehash(weak));
        assertFalse(hasher.needsRehash(REFERENCE));
        assertTrue(hasher.matches("pw-123456".toCharArray(), weak), "an old hash still checks with its own parameters");
    }

    @Test
    void parametersOutsideArgon2sRangeAreRefusedWithTheValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new PasswordHasher.Params(4, 1, 1));
        assertTrue(e.getMessage().contains("m=4"), e.getMessage());
    }
}
