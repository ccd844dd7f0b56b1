package io.seire.query.audit;

import java.nio.charset.StandardCharsets;
import java.security.PublicKey;

/**
 * A project's chain head as exported, signed: whoever keeps it can later ask whether the chain at {@code position}
 * still has this {@code head}, and can check offline, with the published public key, that Seire signed it.
 *
 * <p>The signature is over {@link #message}: these lines, each ended by a line feed, in UTF-8:
 * <pre>
 * seire-chain-head/1
 * project=&lt;project&gt;
 * position=&lt;position&gt;
 * events=&lt;events&gt;
 * head=&lt;head&gt;
 * signedAt=&lt;signedAt&gt;
 * algorithm=&lt;algorithm&gt;
 * keyId=&lt;keyId&gt;
 * </pre>
 * Only the project id is free text and it comes first, so the lines after it can be told apart from the end.
 */
public record SignedChainHead(String project, long position, long events, String head, String signedAt,
                              String algorithm, String keyId, String signature) {

    public static final String FORMAT = "seire-chain-head/1";

    public static byte[] message(String project, long position, long events, String head, String signedAt,
                                 String algorithm, String keyId) {
        return (FORMAT + "\nproject=" + project + "\nposition=" + position + "\nevents=" + events + "\nhead=" + head
                + "\nsignedAt=" + signedAt + "\nalgorithm=" + algorithm + "\nkeyId=" + keyId + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** The bytes the signature is over, rebuilt from the fields. */
    public byte[] signedBytes() {
        return message(project, position, events, head, signedAt, algorithm, keyId);
    }

    /** Whether the signature is the one {@code key} made over exactly these fields. */
    public boolean verifiesWith(PublicKey key) {
        return ChainSigningKey.verifies(key, signedBytes(), signature);
    }
}
