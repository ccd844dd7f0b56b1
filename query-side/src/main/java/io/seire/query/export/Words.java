package io.seire.query.export;

/** A label in both languages documents are written in. */
public record Words(String et, String en) {

    public String in(Language language) {
        return language == Language.ET ? et : en;
    }
}
