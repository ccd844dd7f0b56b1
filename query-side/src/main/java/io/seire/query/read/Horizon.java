package io.seire.query.read;

/**
 * How much history a view sees: every event of the project up to a global position. The current state is the
 * horizon at the end of time; a report or an {@code asOf} read sees an earlier one.
 */
public record Horizon(long maxPosition) {

    public static final Horizon NOW = new Horizon(Long.MAX_VALUE);

    public boolean isNow() {
        return maxPosition == Long.MAX_VALUE;
    }
}
