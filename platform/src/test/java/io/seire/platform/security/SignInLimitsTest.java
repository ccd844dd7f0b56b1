package io.seire.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The failure counters themselves: what is in flight counts, and back-off has a ceiling. */
class SignInLimitsTest {

    final TestClock clock = new TestClock();
    final RecordingAudit audit = new RecordingAudit();
    final SignInLimits limits = new SignInLimits(new SignInLimits.Settings(3, 100, Duration.ofMinutes(15),
            Duration.ofSeconds(30), Duration.ofMinutes(2)), audit, clock);

    @Test
    void checks_in_flight_cannot_run_past_what_is_left_of_the_limit() {
        try (SignInLimits.Attempt first = limits.admit("kaja", "192.0.2.1")) {
            first.failed();
        }
        SignInLimits.Attempt second = limits.admit("kaja", "192.0.2.1");
        SignInLimits.Attempt third = limits.admit("kaja", "192.0.2.2");
        // one failure and two checks running: a fourth parallel guess would run past the limit of three
        SignInRefused refused = catchThrowableOfType(() -> limits.admit("kaja", "192.0.2.3"), SignInRefused.class);
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);
        assertThat(audit.lockouts).isEmpty();
        second.succeeded();
        third.close();
        limits.admit("kaja", "192.0.2.3").close();
    }

    @Test
    void the_pause_never_grows_beyond_the_maximum() {
        for (int i = 0; i < 3; i++) {
            try (SignInLimits.Attempt a = limits.admit("kaja", "192.0.2.1")) {
                a.failed();
            }
        }
        for (int round = 0; round < 4; round++) {
            clock.advance(Duration.ofMinutes(3));
            try (SignInLimits.Attempt a = limits.admit("kaja", "192.0.2.1")) {
                a.failed();
            }
        }
        assertThat(audit.lockouts).extracting(l -> Duration.between(l.lockedAt(), l.lockedUntil()))
                .containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(120),
                        Duration.ofSeconds(120), Duration.ofSeconds(120));
    }

    @Test
    void an_attempt_closed_without_an_outcome_counts_nothing() {
        for (int i = 0; i < 10; i++) {
            limits.admit("kaja", "192.0.2.1").close();
        }
        limits.checkAllowed("kaja", "192.0.2.1");
        assertThat(audit.lockouts).isEmpty();
    }

    @Test
    void limits_must_be_positive() {
        assertThatThrownBy(() -> new SignInLimits.Settings(0, 5, Duration.ofMinutes(1), Duration.ofSeconds(1),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SignInLimits.Settings(5, 5, Duration.ofMinutes(1), Duration.ofSeconds(10),
                Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }
}
