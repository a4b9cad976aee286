package org.openphm.ingest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * person_id = first 128 bits of HMAC-SHA256(workspace secret, normalised NHS number), as 32 hex digits.
 * 128 bits keeps the chance of any collision among 63 million people below 1e-20 while halving storage
 * against the full 256 bits. Not thread-safe (one Mac per instance).
 */
final class Pseudonymiser {
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private final Mac mac;

    Pseudonymiser(WorkspaceKey key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.secret(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this JVM", e);
        }
    }

    private Pseudonymiser(Mac mac) {
        this.mac = mac;
    }

    /** Another pseudonymiser with the same key, for a second thread. */
    Pseudonymiser copy() {
        try {
            return new Pseudonymiser((Mac) mac.clone());
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("this JVM's HmacSHA256 cannot be copied", e);
        }
    }

    /** Pseudonym of a valid, normalised (digits only) NHS number. */
    String personId(String digits) {
        byte[] h = mac.doFinal(digits.getBytes(StandardCharsets.US_ASCII));
        char[] out = new char[32];
        for (int i = 0; i < 16; i++) {
            out[2 * i] = HEX[(h[i] >> 4) & 0xf];
            out[2 * i + 1] = HEX[h[i] & 0xf];
        }
        return new String(out);
    }
}
