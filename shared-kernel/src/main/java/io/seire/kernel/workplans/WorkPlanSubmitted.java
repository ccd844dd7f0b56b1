package io.seire.kernel.workplans;

import io.seire.kernel.EventVersion;
import io.seire.kernel.ProjectEvent;

/** A version of a year's work plan was submitted for the liaison's approval. */
@EventVersion("1")
public record WorkPlanSubmitted(String projectId, int year, int version) implements ProjectEvent {
}
