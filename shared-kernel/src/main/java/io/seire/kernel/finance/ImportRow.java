package io.seire.kernel.finance;

/** One data row of an expenditure import, with its line number in the file. */
public record ImportRow(int line, String expenditureId, ExpenditureDetails details) {
}
