package io.seire.platform.personaldata;

import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/** AES-256-GCM through the JDK's JCE: a random 96-bit nonce before the ciphertext and its 128-bit tag. */
final class Aead {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();
    /**
     * One cipher per thread, initialised again for every call with its key and nonce: looking a cipher up in the JCE
     * providers cost more than the sealing itself (an import seals, and its projection opens, one text per row).
     */
    private static final ThreadLocal<Cipher> CIPHER = ciphers();

    /**
     * Ciphers, one per thread, for calls that use one key: a cipher initialised again with the key it last had keeps
     * that key's round keys, so the master key, which wraps and unwraps a data key for every sealed row between the
     * rows' own keys, keeps ciphers of its own.
     */
    static ThreadLocal<Cipher> ciphers() {
        return ThreadLocal.withInitial(() -> {
            try {
                return Cipher.getInstance("AES/GCM/NoPadding");
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is not available", e);
            }
        });
    }

    private Aead() {
    }

    static byte[] encrypt(SecretKey key, byte[] plain, byte[] associated) {
        return encrypt(CIPHER, key, plain, associated);
    }

    static byte[] encrypt(ThreadLocal<Cipher> ciphers, SecretKey key, byte[] plain, byte[] associated) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = ciphers.get();
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated);
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** The plain bytes; throws {@link GeneralSecurityException} when the key is not the one or the bytes were changed. */
    static byte[] decrypt(SecretKey key, byte[] sealed, byte[] associated) throws GeneralSecurityException {
        return decrypt(CIPHER, key, sealed, associated);
    }

    static byte[] decrypt(ThreadLocal<Cipher> ciphers, SecretKey key, byte[] sealed, byte[] associated)
            throws GeneralSecurityException {
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new javax.crypto.AEADBadTagException("too short");
        }
        Cipher cipher = ciphers.get();
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
        cipher.updateAAD(associated);
        return cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
    }

    static SecretKey newKey() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return new javax.crypto.spec.SecretKeySpec(bytes, "AES");
    }
}
