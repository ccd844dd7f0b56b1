package io.seire.kernel.programme;

/** An indicator of the programme as a whole: the sum of the project indicators mapped to it. */
public record ProgrammeIndicator(String code, String name, String unit) {
}
