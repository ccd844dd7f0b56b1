package io.seire.kernel.personaldata;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;
import java.util.List;

/**
 * Free text of a record was redacted (the keys of those fields destroyed): every version of those fields reads
 * {@code [redacted]} from now on. The event carries no text.
 */
@EventVersion("1")
public record FreeTextRedacted(String projectId, RedactedRecord kind, String scope, String recordId,
                               List<String> fields, String reason) implements ProjectEvent {

    public String record() {
        return kind.record(scope, recordId);
    }
}
