package io.seire.kernel.setup;

/** A partner organisation of a project, as the administrative contract names it; {@code country} and {@code role} are optional. */
public record Partner(String name, String country, String role) {
}
