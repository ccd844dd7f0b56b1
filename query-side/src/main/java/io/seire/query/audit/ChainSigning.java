package io.seire.query.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where this node's chain signing key comes from, in this order: {@code SEIRE_CHAIN_SIGNING_KEY}
 * ({@code seire.chain.signing-key}, PKCS#8 base64), the operator's key file {@code seire.chain.signing-key-file},
 * or — single node with the embedded database — {@code var/chain-signing-key}, generated on the first start
 * ({@code seire.chain.generated-signing-key-file}). Without any, heads cannot be exported (503); everything else works.
 */
@Component
public class ChainSigning {

    private static final Logger log = LoggerFactory.getLogger(ChainSigning.class);

    private final ChainSigningKey key;

    public ChainSigning(@Value("${seire.chain.signing-key:}") String configuredKey,
                        @Value("${seire.chain.signing-key-file:}") String keyFile,
                        @Value("${seire.chain.generated-signing-key-file:}") String generatedKeyFile) {
        this.key = load(configuredKey, keyFile, generatedKeyFile);
    }

    static ChainSigningKey load(String configuredKey, String keyFile, String generatedKeyFile) {
        try {
            if (!configuredKey.isBlank()) {
                ChainSigningKey key = parse(configuredKey, "SEIRE_CHAIN_SIGNING_KEY");
                log.info("Chain heads are signed with the key from SEIRE_CHAIN_SIGNING_KEY (key id {})", key.keyId());
                return key;
            }
            if (!keyFile.isBlank()) {
                Path file = Path.of(keyFile);
                if (!Files.isRegularFile(file)) {
                    throw new IllegalStateException("The chain signing key file " + file.toAbsolutePath()
                            + " (seire.chain.signing-key-file) does not exist");
                }
                warnIfOthersMayRead(file);
                ChainSigningKey key = parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
                log.info("Chain heads are signed with the key in {} (key id {})", file.toAbsolutePath(), key.keyId());
                return key;
            }
            if (!generatedKeyFile.isBlank()) {
                Path file = Path.of(generatedKeyFile);
                boolean existed = Files.exists(file);
                ChainSigningKey key = ChainSigningKey.readOrGenerate(file);
                log.info("Chain heads are signed with the key in {}{} (key id {})", file.toAbsolutePath(),
                        existed ? "" : ", generated now", key.keyId());
                return key;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the chain signing key", e);
        }
        log.warn("No chain signing key is configured (SEIRE_CHAIN_SIGNING_KEY or seire.chain.signing-key-file): "
                + "chain heads cannot be exported from this node");
        return null;
    }

    private static ChainSigningKey parse(String text, String source) {
        try {
            return ChainSigningKey.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(e.getMessage() + " (" + source + ")", e);
        }
    }

    private static void warnIfOthersMayRead(Path file) throws IOException {
        if (!file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            return;
        }
        Set<PosixFilePermission> others = EnumSet.of(PosixFilePermission.GROUP_READ, PosixFilePermission.OTHERS_READ);
        others.retainAll(Files.getPosixFilePermissions(file));
        if (!others.isEmpty()) {
            log.warn("The chain signing key file {} may be read by others than its owner; chmod 600 it",
                    file.toAbsolutePath());
        }
    }

    public Optional<ChainSigningKey> key() {
        return Optional.ofNullable(key);
    }

    /** Signs the head of a chain that verified. */
    public SignedChainHead sign(String project, ChainVerification verified) {
        ChainSigningKey signer = key().orElseThrow(SigningKeyMissing::new);
        String signedAt = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
        byte[] message = SignedChainHead.message(project, verified.position(), verified.events(), verified.head(),
                signedAt, signer.algorithm(), signer.keyId());
        return new SignedChainHead(project, verified.position(), verified.events(), verified.head(), signedAt,
                signer.algorithm(), signer.keyId(), signer.sign(message));
    }

    /** No key is configured on this node: heads cannot be signed here. */
    public static class SigningKeyMissing extends RuntimeException {
        public SigningKeyMissing() {
            super("This node has no chain signing key, so it cannot sign chain heads. The operator sets "
                    + "SEIRE_CHAIN_SIGNING_KEY or seire.chain.signing-key-file (the same key on every query node).",
                    null, false, false);
        }
    }
}
