package io.seire.kernel.finance;

import io.seire.kernel.ProjectCommand;
import java.util.List;

/**
 * Record every row of an accounting export at once, or none. {@code unreadable} are the rows the file reader could
 * not make sense of; they are reported together with the rows that break a rule, so one answer lists every bad row.
 */
public record ImportExpenditures(String projectId, String source, List<ImportRow> rows,
                                 List<ImportRejected.BadRow> unreadable) implements ProjectCommand {
}
