package io.seire.kernel.results;

import io.seire.kernel.EventVersion;
import io.seire.kernel.PersonalText;
import io.seire.kernel.ProjectEvent;

/**
 * An indicator value was recorded. Its note and evidence are free text, sealed each under a key of its own
 * (version 2; version 1 carried them in the clear and is upcast, ADR 0037).
 */
@EventVersion("2")
public record IndicatorValueRecorded(String projectId, String indicator, String valueId, String period, String value,
                                     PersonalText note, PersonalText evidence) implements ProjectEvent {

    /** A value whose note and evidence are in the clear, as version 1 recorded them (old events, test histories). */
    public static IndicatorValueRecorded inClear(String projectId, String indicator, String valueId, String period,
                                                 String value, String note, String evidence) {
        return new IndicatorValueRecorded(projectId, indicator, valueId, period, value,
                PersonalText.recordedInClear(note), PersonalText.recordedInClear(evidence));
    }

    @Override
    public String toString() {
        return "IndicatorValueRecorded[projectId=" + projectId + ", indicator=" + indicator + ", valueId=" + valueId
                + ", period=" + period + ", value=" + value + "]";
    }
}
