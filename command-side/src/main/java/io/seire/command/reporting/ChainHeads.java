package io.seire.command.reporting;

/** The audit hash chain's head over a project's events up to a sequence number (what a report is composed from). */
@FunctionalInterface
public interface ChainHeads {

    String headAt(String projectId, long sequence);
}
