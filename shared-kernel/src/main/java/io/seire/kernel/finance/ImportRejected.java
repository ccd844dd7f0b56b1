package io.seire.kernel.finance;

import io.seire.kernel.RuleViolation;
import java.util.List;

/** An import with bad rows; nothing of it was recorded. */
public class ImportRejected extends RuleViolation {

    /** One bad row: its line in the file (the header is line 1), the column and why. */
    public record BadRow(int row, String column, String message) {
    }

    private final List<BadRow> badRows;

    public ImportRejected(List<BadRow> badRows) {
        super(Outcome.UNPROCESSABLE, "import-all-rows-or-none", null,
                badRows.size() + (badRows.size() == 1 ? " row" : " rows")
                        + " of the file cannot be recorded; nothing was imported. Fix the rows listed and import the file again.");
        this.badRows = List.copyOf(badRows);
    }

    public List<BadRow> badRows() {
        return badRows;
    }
}
