package io.seire.kernel.programme;

/** A part of a programme its projects belong to (measure → component → project). */
public record ProgrammeComponent(String code, String name) {
}
