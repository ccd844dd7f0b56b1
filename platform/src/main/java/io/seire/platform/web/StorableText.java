package io.seire.platform.web;

/**
 * Text Seire can store and give back exactly. PostgreSQL text cannot hold the character U+0000, and half of a
 * UTF-16 surrogate pair is no character at all (it would come back as '?'); both are refused where text enters,
 * so that no recorded event carries text a projection cannot write.
 */
public final class StorableText {

    /** The longest value of the {@code Idempotency-Key} and {@code X-Correlation-Id} headers. */
    public static final int MAX_HEADER_LENGTH = 255;

    public static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    public static final String CORRELATION_ID = "X-Correlation-Id";

    private StorableText() {
    }

    /** Why the text cannot be stored as given, in words; null when it can. */
    public static String problem(String text) {
        if (text == null) {
            return null;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\u0000') {
                return "contains the invisible character U+0000 (NUL), which cannot be stored; remove it and try again";
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return "contains a broken character (half of a UTF-16 surrogate pair at position " + (i + 1)
                        + "); copy the text again from its source";
            }
        }
        return null;
    }
}
