package io.seire.kernel.workplans;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A submitted version of a year's work plan was returned for rework; the version approved before stays in force. */
@EventVersion("1")
public record WorkPlanReturned(String projectId, int year, int version, String comment) implements ProjectEvent {
}
