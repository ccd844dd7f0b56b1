package io.seire.query.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/**
 * The Ed25519 key chain heads are signed with. It lives outside the database (an environment variable or a file of
 * the operator's), so someone who can write to the database cannot sign a head for a history they rewrote.
 */
public final class ChainSigningKey {

    public static final String ALGORITHM = "Ed25519";

    private final PrivateKey privateKey;
    private final PublicKey publicKey;
    private final String keyId;

    private ChainSigningKey(PrivateKey privateKey, PublicKey publicKey) {
        this.privateKey = privateKey;
        this.publicKey = publicKey;
        this.keyId = keyId(publicKey);
    }

    /**
     * Reads a PKCS#8 Ed25519 private key: PEM ({@code -----BEGIN PRIVATE KEY-----}, as {@code openssl genpkey
     * -algorithm ed25519} writes it) or its base64 body alone.
     */
    public static ChainSigningKey parse(String text) {
        String base64 = text.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        byte[] der;
        try {
            der = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The chain signing key is not base64 (PKCS#8, or PEM around it)");
        }
        PrivateKey key;
        try {
            key = KeyFactory.getInstance(ALGORITHM).generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The chain signing key is not a PKCS#8 Ed25519 private key: "
                    + e.getMessage());
        }
        if (!(key instanceof EdECPrivateKey edKey) || !ALGORITHM.equals(edKey.getParams().getName())) {
            throw new IllegalArgumentException("The chain signing key must be an Ed25519 key");
        }
        return new ChainSigningKey(key, publicKeyOf(edKey));
    }

    public static ChainSigningKey generate() {
        try {
            KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
            return new ChainSigningKey(pair.getPrivate(), pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the key from {@code file}, first writing a new one there (readable by its owner only) if it is absent. */
    public static ChainSigningKey readOrGenerate(Path file) throws IOException {
        if (!Files.exists(file)) {
            ChainSigningKey generated = generate();
            try {
                generated.write(file);
                return generated;
            } catch (FileAlreadyExistsException anotherProcessWasFirst) {
                // fall through and read theirs
            }
        }
        return parse(Files.readString(file, StandardCharsets.UTF_8));
    }

    /** Writes the private key as PEM to a new file that only its owner may read and write (mode 600). */
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
        Files.writeString(file, privatePem(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
    }

    String privatePem() {
        return pem("PRIVATE KEY", privateKey.getEncoded());
    }

    public String algorithm() {
        return ALGORITHM;
    }

    /** The first 16 hexadecimal digits of the SHA-256 of the public key's X.509 encoding. */
    public String keyId() {
        return keyId;
    }

    public PublicKey publicKey() {
        return publicKey;
    }

    /** The public key's X.509 SubjectPublicKeyInfo, base64. */
    public String publicKeyBase64() {
        return Base64.getEncoder().encodeToString(publicKey.getEncoded());
    }

    public String publicKeyPem() {
        return pem("PUBLIC KEY", publicKey.getEncoded());
    }

    /** The Ed25519 signature of {@code message}, base64. */
    public String sign(byte[] message) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(privateKey);
            signature.update(message);
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code signatureBase64} is the signature of {@code message} by the holder of {@code key}. */
    public static boolean verifies(PublicKey key, byte[] message, String signatureBase64) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(message);
            return signature.verify(Base64.getDecoder().decode(signatureBase64));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /**
     * The JDK has no call that derives an Ed25519 public key from a private one, but its key pair generator draws
     * the private key from the random source it is given and computes the public key from it: given the private
     * key's bytes as the "random" source, it yields that key's pair. Checked by a signature before it is trusted.
     */
    private static PublicKey publicKeyOf(EdECPrivateKey key) {
        byte[] seed = key.getBytes().orElseThrow(() -> new IllegalArgumentException(
                "The chain signing key's private bytes cannot be read"));
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
            generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
                @Override
                public void nextBytes(byte[] bytes) {
                    if (bytes.length != seed.length) {
                        throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
                    }
                    System.arraycopy(seed, 0, bytes, 0, seed.length);
                }
            });
            PublicKey derived = generator.generateKeyPair().getPublic();
            byte[] probe = "seire-chain-signing-key-check".getBytes(StandardCharsets.UTF_8);
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initSign(key);
            signature.update(probe);
            byte[] signed = signature.sign();
            signature.initVerify(derived);
            signature.update(probe);
            if (!signature.verify(signed)) {
                throw new IllegalStateException("Could not derive the public key of the chain signing key");
            }
            return derived;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not derive the public key of the chain signing key", e);
        }
    }

    private static String keyId(PublicKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String pem(String label, byte[] der) {
        return "-----BEGIN " + label + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END " + label + "-----\n";
    }
}
