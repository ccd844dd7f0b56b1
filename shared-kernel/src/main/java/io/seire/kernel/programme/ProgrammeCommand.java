package io.seire.kernel.programme;

/** A command addressed to one programme; it is routed to the programme's stream {@code programme/<id>}. */
public interface ProgrammeCommand {
    String programmeId();
}
