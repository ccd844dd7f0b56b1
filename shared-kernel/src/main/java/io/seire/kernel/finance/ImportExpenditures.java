package io.seire.kernel.finance;

import io.seire.kernel.ProjectCommand;
import java.util.List;

/** Record every row of an accounting export at once, or none. */
public record ImportExpenditures(String projectId, String source, List<ImportRow> rows) implements ProjectCommand {
}
