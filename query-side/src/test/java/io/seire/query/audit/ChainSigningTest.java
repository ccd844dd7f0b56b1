package io.seire.query.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Where the chain signing key comes from, and what a signed head proves. */
class ChainSigningTest {

    @TempDir
    Path dir;

    private static final ChainVerification VERIFIED = ChainVerification.valid(42, 1234, "ab".repeat(32), 0);

    @Test
    void without_a_configured_key_a_single_node_generates_one_readable_by_its_owner_only_and_keeps_it() throws Exception {
        Path file = dir.resolve("var/chain-signing-key");
        ChainSigningKey first = ChainSigning.load("", "", file.toString());
        assertThat(file).exists();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file)).startsWith("-----BEGIN PRIVATE KEY-----");

        ChainSigningKey again = ChainSigning.load("", "", file.toString());
        assertThat(again.keyId()).isEqualTo(first.keyId());
        assertThat(again.publicKey().getEncoded()).isEqualTo(first.publicKey().getEncoded());
    }

    @Test
    void the_key_from_SEIRE_CHAIN_SIGNING_KEY_comes_first_and_its_public_key_is_derived() throws Exception {
        KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(pair.getPrivate().getEncoded());
        Path generated = dir.resolve("chain-signing-key");
        ChainSigningKey key = ChainSigning.load(pkcs8, dir.resolve("absent").toString(), generated.toString());
        assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
        assertThat(generated).doesNotExist();
    }

    @Test
    void an_operators_key_file_in_pem_is_read_and_a_missing_one_refused() throws Exception {
        ChainSigningKey made = ChainSigningKey.generate();
        Path file = dir.resolve("operator.pem");
        Files.writeString(file, made.privatePem(), StandardCharsets.UTF_8);
        assertThat(ChainSigning.load("", file.toString(), dir.resolve("gen").toString()).keyId())
                .isEqualTo(made.keyId());
        assertThat(dir.resolve("gen")).doesNotExist();

        assertThatThrownBy(() -> ChainSigning.load("", dir.resolve("nope.pem").toString(), ""))
                .hasMessageContaining("nope.pem").hasMessageContaining("does not exist");
    }

    @Test
    void a_key_that_is_not_an_ed25519_pkcs8_key_is_refused_at_start() throws Exception {
        KeyPair ec = KeyPairGenerator.getInstance("EC").generateKeyPair();
        String pkcs8 = Base64.getEncoder().encodeToString(ec.getPrivate().getEncoded());
        assertThatThrownBy(() -> ChainSigning.load(pkcs8, "", ""))
                .hasMessageContaining("Ed25519").hasMessageContaining("SEIRE_CHAIN_SIGNING_KEY");
        assertThatThrownBy(() -> ChainSigning.load("not base64 at all!", "", ""))
                .hasMessageContaining("base64");
    }

    @Test
    void without_any_key_heads_cannot_be_signed() {
        assertThat(ChainSigning.load("", "", "")).isNull();
        ChainSigning none = new ChainSigning("", "", "");
        assertThatThrownBy(() -> none.sign("P-1", VERIFIED)).isInstanceOf(ChainSigning.SigningKeyMissing.class);
    }

    @Test
    void a_signed_head_verifies_with_the_public_key_and_fails_after_any_field_changes() {
        ChainSigning signing = new ChainSigning("", "", dir.resolve("k").toString());
        ChainSigningKey key = signing.key().orElseThrow();
        SignedChainHead head = signing.sign("Projekt-Š 1", VERIFIED);
        assertThat(head.project()).isEqualTo("Projekt-Š 1");
        assertThat(head.position()).isEqualTo(1234);
        assertThat(head.events()).isEqualTo(42);
        assertThat(head.head()).isEqualTo(VERIFIED.head());
        assertThat(head.algorithm()).isEqualTo("Ed25519");
        assertThat(head.keyId()).isEqualTo(key.keyId()).hasSize(16);
        assertThat(head.verifiesWith(key.publicKey())).isTrue();

        List<UnaryOperator<SignedChainHead>> changes = List.of(
                h -> new SignedChainHead("Projekt-Š 2", h.position(), h.events(), h.head(), h.signedAt(), h.algorithm(), h.keyId(), h.signature()),
                h -> new SignedChainHead(h.project(), h.position() + 1, h.events(), h.head(), h.signedAt(), h.algorithm(), h.keyId(), h.signature()),
                h -> new SignedChainHead(h.project(), h.position(), h.events() - 1, h.head(), h.signedAt(), h.algorithm(), h.keyId(), h.signature()),
                h -> new SignedChainHead(h.project(), h.position(), h.events(), "cd".repeat(32), h.signedAt(), h.algorithm(), h.keyId(), h.signature()),
                h -> new SignedChainHead(h.project(), h.position(), h.events(), h.head(), "2000-01-01T00:00:00Z", h.algorithm(), h.keyId(), h.signature()),
                h -> new SignedChainHead(h.project(), h.position(), h.events(), h.head(), h.signedAt(), "Ed448", h.keyId(), h.signature()),
                h -> new SignedChainHead(h.project(), h.position(), h.events(), h.head(), h.signedAt(), h.algorithm(), "0".repeat(16), h.signature()));
        for (UnaryOperator<SignedChainHead> change : changes) {
            SignedChainHead changed = change.apply(head);
            assertThat(changed.verifiesWith(key.publicKey())).as(changed.toString()).isFalse();
        }
        byte[] signature = Base64.getDecoder().decode(head.signature());
        signature[0] ^= 1;
        assertThat(new SignedChainHead(head.project(), head.position(), head.events(), head.head(), head.signedAt(),
                head.algorithm(), head.keyId(), Base64.getEncoder().encodeToString(signature))
                .verifiesWith(key.publicKey())).isFalse();
        assertThat(head.verifiesWith(ChainSigningKey.generate().publicKey())).as("another key").isFalse();
    }

    @Test
    void the_signed_message_is_the_documented_lines() {
        assertThat(new String(SignedChainHead.message("P", 7, 3, "h", "2025-01-01T00:00:00Z", "Ed25519", "k"),
                StandardCharsets.UTF_8)).isEqualTo("seire-chain-head/1\nproject=P\nposition=7\nevents=3\nhead=h\n"
                + "signedAt=2025-01-01T00:00:00Z\nalgorithm=Ed25519\nkeyId=k\n");
    }
}
