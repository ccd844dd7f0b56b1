package io.seire.kernel.reporting;

/** What submitting a report answers: its id, the sequence number of its event, and the audit chain's head. */
public record ReportRecorded(String id, long sequenceNumber, String chainHead) {
}
