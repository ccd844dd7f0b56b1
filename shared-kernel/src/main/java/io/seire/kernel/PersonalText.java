package io.seire.kernel;

/**
 * Personal data as an event carries it: encrypted under a data key of its own that lives outside the events
 * ({@code keyId}), so that destroying the key erases the text while the stored event, and the hash chain over it,
 * stay as they are. {@code ciphertext} is base64 of the AES-GCM nonce and ciphertext.
 *
 * <p>{@code legacyClear} is only ever set on events recorded before personal data was encrypted, as the upcaster
 * reads them (ADR 0035); every new event has it null.
 */
public record PersonalText(String keyId, String ciphertext, String legacyClear) {

    /** Text sealed under a data key. */
    public static PersonalText sealed(String keyId, String ciphertext) {
        return new PersonalText(keyId, ciphertext, null);
    }

    /**
     * Text as events recorded it before it was sealed (what the upcasters read from old events, ADR 0035 and 0037);
     * null stays null. Never used for new events.
     */
    public static PersonalText recordedInClear(String text) {
        return text == null ? null : new PersonalText(null, null, text);
    }

    @Override
    public String toString() {
        // never the text, in any form
        return "PersonalText[keyId=" + keyId + "]";
    }
}
