package org.openionm.cases.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format of the reference implementation,
 * {@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>} (unpadded Base64): algorithm, parameters, salt
 * and hash in one value, so a stored hash is checked with the parameters it was made with and
 * parameters can be raised later ({@link #needsRehash}). Defaults are OWASP's Password Storage Cheat
 * Sheet minimum for Argon2id: 19 MiB of memory, 2 iterations, 1 lane (docs/audit.md).
 */
public final class PasswordHasher {

    /** Argon2id cost: memory in KiB, iterations, lanes. */
    public record Params(int memoryKiB, int iterations, int parallelism) {
        public Params {
            if (memoryKiB < 8 * parallelism || iterations < 1 || parallelism < 1) {
                throw new IllegalArgumentException("Argon2id needs memory ≥ 8 KiB per lane, ≥ 1 iteration and ≥ 1 lane, was m="
                        + memoryKiB + ", t=" + iterations + ", p=" + parallelism);
            }
        }
    }

    /** OWASP Password Storage Cheat Sheet: "m=19456 (19 MiB), t=2, p=1". */
    public static final Params OWASP = new Params(19 * 1024, 2, 1);

    static final int SALT_BYTES = 16;
    static final int HASH_BYTES = 32;
    private static final Pattern PHC = Pattern.compile("\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");

    private final Params params;
    private final SecureRandom random = new SecureRandom();
    /** Checked against when the user is unknown, so the time taken does not tell whether the name exists; made on first need. */
    private volatile String decoy;

    public PasswordHasher(Params params) {
        this.params = params;
    }

    public Params params() {
        return params;
    }

    /** A new hash with a fresh random salt. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        return hash(password, salt, params);
    }

    /** The PHC string of a password with a given salt and parameters (also for the known-answer test). */
    static String hash(char[] password, byte[] salt, Params p) {
        byte[] out = derive(password, salt, p, HASH_BYTES);
        Base64.Encoder b64 = Base64.getEncoder().withoutPadding();
        return "$argon2id$v=19$m=" + p.memoryKiB() + ",t=" + p.iterations() + ",p=" + p.parallelism() + "$" + b64.encodeToString(salt)
                + "$" + b64.encodeToString(out);
    }

    /** Whether the password matches a stored PHC string (false for anything that is not an Argon2id hash); constant-time compare. */
    public boolean matches(char[] password, String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            return false;
        }
        Params p = new Params(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        Base64.Decoder b64 = Base64.getDecoder();
        byte[] expected = b64.decode(m.group(5));
        byte[] actual = derive(password, b64.decode(m.group(4)), p, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** Spends the time of a check and returns false: for unknown users and accounts without a password. */
    public boolean matchesNothing(char[] password) {
        if (decoy == null) {
            decoy = hash("decoy".toCharArray());
        }
        matches(password, decoy);
        return false;
    }

    /** Whether a stored hash was made with weaker parameters than the current ones (then it is replaced at the next login). */
    public boolean needsRehash(String stored) {
        Matcher m = stored == null ? null : PHC.matcher(stored);
        if (m == null || !m.matches()) {
            return false;
        }
        return Integer.parseInt(m.group(1)) < params.memoryKiB() || Integer.parseInt(m.group(2)) < params.iterations();
    }

    private static byte[] derive(char[] password, byte[] salt, Params p, int length) {
        Argon2Parameters a = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB()).withIterations(p.iterations()).withParallelism(p.parallelism()).withSalt(salt).build();
        Argon2BytesGenerator g = new Argon2BytesGenerator();
        g.init(a);
        byte[] pw = utf8(password);
        byte[] out = new byte[length];
        try {
            g.generateBytes(pw, out);
        } finally {
            Arrays.fill(pw, (byte) 0);
        }
        return out;
    }

    /** UTF-8 bytes without an intermediate String, so the caller can wipe the password. */
    private static byte[] utf8(char[] password) {
        ByteBuffer bb = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] b = new byte[bb.remaining()];
        bb.get(b);
        if (bb.hasArray()) {
            Arrays.fill(bb.array(), (byte) 0);
        }
        return b;
    }
}
