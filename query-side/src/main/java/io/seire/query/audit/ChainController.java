package io.seire.query.audit;

import io.seire.kernel.RuleViolation;
import io.seire.kernel.access.Actor;
import io.seire.platform.web.Problems;
import io.seire.query.read.ProjectScope;
import io.seire.query.read.ReadGate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The hash chain from outside: verify it (against the event table, every report's pinned head and, if given, a head
 * the caller kept), export its head signed with a key the database does not hold, and publish the public key.
 */
@RestController
@Tag(name = "Reports and audit")
public class ChainController {


    /** The public half of the signing key, for checking a kept head offline. */
    public record SigningKey(String algorithm, String keyId, String publicKey, String publicKeyPem, String format) {
    }

    private final ReadGate gate;
    private final ChainVerifier verifier;
    private final ChainSigning signing;

    public ChainController(ReadGate gate, ChainVerifier verifier, ChainSigning signing) {
        this.gate = gate;
        this.verifier = verifier;
        this.signing = signing;
    }

    @GetMapping("/api/v1/projects/{projectId}/audit-trail/verification")
    @Operation(summary = "Recomputes the hash chain over the stored events and compares it row for row with the event "
            + "table, with every report's pinned head and, given head and position, with a head kept from an export: "
            + "valid, or the first broken position")
    public ChainVerification verify(Actor actor, @PathVariable String projectId,
                                    @RequestParam(required = false) Long minPosition,
                                    @RequestParam(required = false) String asOf,
                                    @RequestParam(required = false) String head,
                                    @RequestParam(required = false) Long position) {
        ChainVerifier.KeptHead kept = ChainVerifier.KeptHead.of(head, position);
        // asOf is checked like on every view; the chain is always verified whole, as it is stored now
        return verifier.verify(gate.open(actor, projectId, minPosition, asOf), kept);
    }

    @GetMapping("/api/v1/projects/{projectId}/audit-trail/head")
    @Operation(summary = "The head of the project's verified chain, signed with the operator's key: keep it, and later "
            + "ask the verification whether the chain at its position still has that head")
    public SignedChainHead head(Actor actor, @PathVariable String projectId,
                                @RequestParam(required = false) Long minPosition) {
        if (signing.key().isEmpty()) {
            throw new ChainSigning.SigningKeyMissing();
        }
        ProjectScope scope = gate.open(actor, projectId, minPosition, null);
        ChainVerification verified = verifier.verify(scope, null);
        if (!verified.valid()) {
            throw RuleViolation.conflict("chain-does-not-verify", null, "The chain does not verify, so its head is "
                    + "not signed: at position " + verified.firstBrokenPosition() + " " + verified.problem() + ".");
        }
        return signing.sign(scope.id(), verified);
    }

    @GetMapping("/api/v1/audit-trail/signing-key")
    @Operation(summary = "The public key chain heads are signed with, to check a kept head offline")
    public SigningKey signingKey() {
        ChainSigningKey key = signing.key().orElseThrow(ChainSigning.SigningKeyMissing::new);
        return new SigningKey(key.algorithm(), key.keyId(), key.publicKeyBase64(), key.publicKeyPem(),
                SignedChainHead.FORMAT);
    }

    @ExceptionHandler(ChainSigning.SigningKeyMissing.class)
    public ResponseEntity<ProblemDetail> signingKeyMissing(ChainSigning.SigningKeyMissing e) {
        return Problems.answer(Problems.problem(HttpStatus.SERVICE_UNAVAILABLE, "chain-signing-key-missing",
                "Chain heads cannot be signed on this node", e.getMessage(), List.of()));
    }
}
