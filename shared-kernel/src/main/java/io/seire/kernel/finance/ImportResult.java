package io.seire.kernel.finance;

/** What an import recorded: new rows, and rows already recorded with the same content. */
public record ImportResult(int imported, int unchanged, long sequenceNumber) {
}
