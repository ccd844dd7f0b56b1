package io.seire.platform.personaldata;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The operator's AES-256 key that every data key is stored under (wrapped). It lives outside the database: whoever
 * holds a copy of the database alone reads no personal data. Written as base64 of 32 random bytes
 * ({@code openssl rand -base64 32}).
 */
public final class MasterKey {

    private final SecretKey key;
    private final String id;
    /** This key's own ciphers, which keep its round keys between calls (Aead). */
    private final ThreadLocal<javax.crypto.Cipher> ciphers = Aead.ciphers();

    private MasterKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, "AES");
        this.id = idOf(bytes);
    }

    /** Reads base64 of 32 bytes; {@code source} names where it came from in the message if it is not that. */
    public static MasterKey parse(String base64, String source) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("The master key for personal data (" + source
                    + ") is not base64; it must be 32 random bytes in base64, e.g. from `openssl rand -base64 32`");
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("The master key for personal data (" + source + ") must be 32 bytes "
                    + "(AES-256) in base64, not " + bytes.length + " bytes");
        }
        return new MasterKey(bytes);
    }

    public static MasterKey generate() {
        return new MasterKey(Aead.newKey().getEncoded());
    }

    /** Reads the key from {@code file}, first writing a new one there (mode 600) if it is absent. */
    public static MasterKey readOrGenerate(Path file) throws IOException {
        if (!Files.exists(file)) {
            MasterKey generated = generate();
            try {
                generated.write(file);
                return generated;
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // fall through and read theirs
            }
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
    }

    /** Writes the key as base64 to a new file only its owner may read and write (mode 600). */
    void write(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Set<PosixFilePermission> ownerOnly = EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(ownerOnly));
        } else {
            Files.createFile(file);
        }
        Files.writeString(file, Base64.getEncoder().encodeToString(key.getEncoded()) + "\n", StandardCharsets.UTF_8,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    /** The first 16 hexadecimal digits of a SHA-256 over the key: names it in messages without revealing it. */
    public String id() {
        return id;
    }

    /** A data key stored under this key, bound to its key id (a wrapped key moved to another id does not open). */
    byte[] wrap(SecretKey dataKey, String keyId) {
        return Aead.encrypt(ciphers, key, dataKey.getEncoded(), keyId.getBytes(StandardCharsets.UTF_8));
    }

    SecretKey unwrap(byte[] wrapped, String keyId) throws GeneralSecurityException {
        return new SecretKeySpec(Aead.decrypt(ciphers, key, wrapped, keyId.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    byte[] seal(byte[] plain, byte[] associated) {
        return Aead.encrypt(ciphers, key, plain, associated);
    }

    byte[] open(byte[] sealed, byte[] associated) throws GeneralSecurityException {
        return Aead.decrypt(ciphers, key, sealed, associated);
    }

    private static String idOf(byte[] bytes) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update("seire master key id\0".getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(bytes)).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String toString() {
        return "MasterKey[id=" + id + "]";
    }
}
