package io.seire.kernel.reporting;

/** A person of the beneficiary named in a report's signature block, with the position they hold. */
public record Signatory(String name, String position) {
}
