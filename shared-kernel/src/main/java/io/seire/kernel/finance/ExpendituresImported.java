package io.seire.kernel.finance;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.util.List;

/**
 * Rows of an accounting export were recorded, all in one act: each row is the {@link ExpenditureRecorded} a single
 * record of it would have been (its description sealed under the row's own key). An import of more than
 * {@link #MAX_ROWS} rows is several of these events, appended together (ADR 0056).
 */
@EventVersion("1")
public record ExpendituresImported(String projectId, List<ExpenditureRecorded> rows) implements ProjectEvent {

    /** The most rows one event carries (about 0.5 MB of JSON). */
    public static final int MAX_ROWS = 1000;

    public ExpendituresImported {
        rows = List.copyOf(rows);
        if (rows.isEmpty() || rows.size() > MAX_ROWS) {
            throw new IllegalArgumentException("An import event carries 1 to " + MAX_ROWS + " rows, not " + rows.size());
        }
        for (ExpenditureRecorded row : rows) {
            if (!row.projectId().equals(projectId)) {
                throw new IllegalArgumentException("Row " + row.expenditureId() + " is of project " + row.projectId()
                        + ", not " + projectId);
            }
        }
    }

    /** The rows in events of at most {@link #MAX_ROWS}, in their order. */
    public static List<ExpendituresImported> of(String projectId, List<ExpenditureRecorded> rows) {
        List<ExpendituresImported> events = new java.util.ArrayList<>();
        for (int from = 0; from < rows.size(); from += MAX_ROWS) {
            events.add(new ExpendituresImported(projectId, rows.subList(from, Math.min(rows.size(), from + MAX_ROWS))));
        }
        return events;
    }

    @Override
    public String toString() {
        return "ExpendituresImported[projectId=" + projectId + ", rows=" + rows.size() + "]";
    }
}
