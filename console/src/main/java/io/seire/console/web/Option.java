package io.seire.console.web;

/** One choice of a select: the code the API takes, and what a person reads. */
public record Option(String code, String label) {

    public static Option of(String code, String name) {
        return new Option(code, name == null || name.isBlank() ? code : code + " – " + name);
    }
}
