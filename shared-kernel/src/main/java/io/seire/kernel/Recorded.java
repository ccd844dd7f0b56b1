package io.seire.kernel;

/** What a command answers: the id of what it recorded and the aggregate sequence number of the event that records it. */
public record Recorded(String id, long sequenceNumber) {
}
