package io.seire.kernel.personaldata;

import io.seire.kernel.ProjectCommand;
import java.util.List;

/**
 * Redact free text of a record (an expenditure's description, an indicator value's note or evidence, a progress
 * report's narrative) by destroying the keys its fields are sealed under; no figure or date changes.
 * {@code scope} is the indicator or sub-activity the record belongs to (null for an expenditure).
 */
public record RedactFreeText(String projectId, RedactedRecord kind, String scope, String recordId,
                             List<String> fields, String reason) implements ProjectCommand {
}
