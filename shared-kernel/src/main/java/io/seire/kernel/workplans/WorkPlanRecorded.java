package io.seire.kernel.workplans;

/** What a work plan write answers: the year (as the plan's id), the version it concerns, and its event's sequence. */
public record WorkPlanRecorded(String id, int version, long sequenceNumber) {
}
