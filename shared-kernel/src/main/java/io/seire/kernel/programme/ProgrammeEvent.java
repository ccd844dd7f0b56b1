package io.seire.kernel.programme;

/**
 * Every fact recorded about a programme names the programme. A programme's events live in the stream
 * {@code programme/<id>}: no project id, code or user name can contain '/', so a programme's stream never meets a
 * project's (ADR 0020, 0021).
 */
public interface ProgrammeEvent {

    /** Prefix of every programme's event stream. */
    String STREAM_PREFIX = "programme/";

    String programmeId();

    /** The event stream (aggregate identifier) of the programme with this id. */
    static String stream(String programmeId) {
        return STREAM_PREFIX + programmeId;
    }
}
