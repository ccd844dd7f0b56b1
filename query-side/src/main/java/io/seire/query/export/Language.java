package io.seire.query.export;

import io.seire.platform.web.InvalidRequest;
import java.util.List;
import java.util.Locale;

/**
 * The language of a document's labels, and with it how numbers and dates are written in CSV: Estonian with
 * {@code ;}, a decimal comma and {@code dd.mm.yyyy}; English with {@code ,}, a decimal point and ISO dates.
 */
public enum Language {
    ET, EN;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * {@code lang=et|en} when given (anything else but a blank is a 400), else the first of {@code et} and {@code en} that
     * {@code Accept-Language} prefers, else English. An unreadable {@code Accept-Language} is only a preference, and
     * counts as none.
     */
    public static Language of(String lang, String acceptLanguage) {
        if (lang != null && !lang.isBlank()) {
            for (Language l : values()) {
                if (l.code().equalsIgnoreCase(lang.trim())) {
                    return l;
                }
            }
            throw InvalidRequest.of("lang", "'" + io.seire.kernel.Bounds.shortened(lang) + "' is not a language "
                    + "Seire writes documents in; give et (Estonian) or en (English)");
        }
        if (acceptLanguage != null && !acceptLanguage.isBlank()) {
            try {
                for (Locale.LanguageRange range : Locale.LanguageRange.parse(acceptLanguage)) {
                    if (range.getWeight() <= 0) {
                        continue;
                    }
                    String primary = range.getRange().split("-", 2)[0];
                    for (Language l : values()) {
                        if (l.code().equalsIgnoreCase(primary)) {
                            return l;
                        }
                    }
                }
            } catch (IllegalArgumentException unreadable) {
                return EN;
            }
        }
        return EN;
    }

    /** The ones Seire writes, for messages. */
    public static List<String> codes() {
        return List.of(ET.code(), EN.code());
    }
}
