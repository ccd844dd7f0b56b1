package io.seire.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per user name and per client address, and pauses either after too many within a window:
 * while paused, every attempt is refused (429 with {@code Retry-After}) before its password is looked at, so a
 * guesser learns nothing and costs no BCrypt. After a pause, a single further failure pauses again for twice as
 * long (up to a maximum), until a whole window passes quietly. A successful sign-in clears its user's count, never
 * its address's (else one known account would unlock guessing at all the others).
 *
 * <p>Password checks in flight count against the limits too, so parallel guesses cannot run past them. The
 * counters live in this node's memory (ADR 0014); each pause is reported to the {@link Audit} once.
 */
public class SignInLimits {

    /** The limits: failures allowed per user name and per address within the window, and how long pauses last. */
    public record Settings(int maxFailuresPerUser, int maxFailuresPerAddress, Duration window, Duration firstBackOff,
                           Duration maxBackOff) {
        public Settings {
            if (maxFailuresPerUser < 1 || maxFailuresPerAddress < 1) {
                throw new IllegalArgumentException("seire.sign-in.max-failures-per-user and -per-address must be 1 or more");
            }
            if (window.isNegative() || window.isZero() || firstBackOff.isNegative() || firstBackOff.isZero()
                    || maxBackOff.compareTo(firstBackOff) < 0) {
                throw new IllegalArgumentException("seire.sign-in.window and first-back-off must be positive, and "
                        + "max-back-off at least first-back-off");
            }
        }
    }

    /** What is being counted: a user name, or a client address. */
    public enum Scope {
        USER("user"), ADDRESS("address");

        private final String word;

        Scope(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }
    }

    /** A pause that has just begun: what the audit records. */
    public record Lockout(Scope scope, String subject, String address, String username, int failures,
                          Instant lockedAt, Instant lockedUntil) {
    }

    /** Where pauses and the first refusal of each pause are reported; never given a password. */
    public interface Audit {
        void lockedOut(Lockout lockout);

        void refused(Scope scope, String subject, String address, String username, Instant until);
    }

    /** One admitted password check; close it after telling how it went. */
    public final class Attempt implements AutoCloseable {
        private final String username;
        private final String address;
        private boolean done;

        private Attempt(String username, String address) {
            this.username = username;
            this.address = address;
        }

        public void succeeded() {
            finish(false);
        }

        public void failed() {
            finish(true);
        }

        @Override
        public void close() {
            if (!done) {
                done = true;
                Instant now = clock.instant();
                addresses.release(address, now);
                if (username != null) {
                    users.release(username, now);
                }
            }
        }

        private void finish(boolean failed) {
            if (done) {
                return;
            }
            done = true;
            Instant now = clock.instant();
            Lockout byAddress = addresses.finish(address, failed, false, now, address, username);
            Lockout byUser = username == null ? null : users.finish(username, failed, true, now, address, username);
            for (Lockout lockout : new Lockout[]{byAddress, byUser}) {
                if (lockout != null) {
                    audit.lockedOut(lockout);
                }
            }
        }
    }

    static final int MAX_TRACKED = 100_000;

    private final Settings settings;
    private final Counters users;
    private final Counters addresses;
    private final Audit audit;
    private final Clock clock;

    public SignInLimits(Settings settings, Audit audit, Clock clock) {
        this.settings = settings;
        this.users = new Counters(Scope.USER, settings.maxFailuresPerUser());
        this.addresses = new Counters(Scope.ADDRESS, settings.maxFailuresPerAddress());
        this.audit = audit;
        this.clock = clock;
    }

    public Settings settings() {
        return settings;
    }

    /**
     * Throws {@link SignInRefused} when the address or the user name is paused. {@code username} is null when it
     * cannot be anyone's (such attempts count for their address only).
     */
    public void checkAllowed(String username, String address) {
        Instant now = clock.instant();
        addresses.checkPaused(address, now, address, username);
        if (username != null) {
            users.checkPaused(username, now, address, username);
        }
    }

    /**
     * Admits one password check, counting it as in flight, or throws {@link SignInRefused} when the address or the
     * user name is paused, or when the checks already in flight could use up what is left of its limit.
     */
    public Attempt admit(String username, String address) {
        Instant now = clock.instant();
        addresses.admit(address, now, address, username);
        if (username != null) {
            try {
                users.admit(username, now, address, username);
            } catch (SignInRefused refused) {
                addresses.release(address, now);
                throw refused;
            }
        }
        return new Attempt(username, address);
    }

    /** The failures and pauses of one kind of subject. */
    private final class Counters {
        private final Scope scope;
        private final int maxFailures;
        private final Map<String, State> states = new ConcurrentHashMap<>();

        Counters(Scope scope, int maxFailures) {
            this.scope = scope;
            this.maxFailures = maxFailures;
        }

        void checkPaused(String subject, Instant now, String address, String username) {
            State state = states.get(subject);
            if (state != null) {
                synchronized (state) {
                    refuseIfPaused(state, subject, now, address, username);
                }
            }
        }

        void admit(String subject, Instant now, String address, String username) {
            State state = stateOf(subject, now);
            synchronized (state) {
                refuseIfPaused(state, subject, now, address, username);
                state.forgetOldFailures(now, settings.window());
                if (state.failures + state.inFlight >= state.threshold(maxFailures)) {
                    // as many checks already run as failures are left: let them finish first
                    throw new SignInRefused(scope, 1);
                }
                state.inFlight++;
            }
        }

        void release(String subject, Instant now) {
            State state = states.get(subject);
            if (state != null) {
                synchronized (state) {
                    state.inFlight = Math.max(0, state.inFlight - 1);
                }
            }
        }

        /** Records the outcome of an admitted check; answers the pause it begins, if any. */
        Lockout finish(String subject, boolean failed, boolean successClears, Instant now, String address,
                       String username) {
            State state = stateOf(subject, now);
            synchronized (state) {
                state.inFlight = Math.max(0, state.inFlight - 1);
                if (!failed) {
                    if (successClears) {
                        state.failures = 0;
                        state.level = 0;
                    }
                    return null;
                }
                state.forgetOldFailures(now, settings.window());
                state.failures++;
                state.lastFailure = now;
                if (state.failures < state.threshold(maxFailures)) {
                    return null;
                }
                int failures = state.failures;
                state.level++;
                state.pausedUntil = now.plus(backOff(state.level));
                state.failures = 0;
                state.windowStart = now;
                state.refusalReported = false;
                return new Lockout(scope, subject, address, username, failures, now, state.pausedUntil);
            }
        }

        private void refuseIfPaused(State state, String subject, Instant now, String address, String username) {
            if (state.pausedUntil != null && state.pausedUntil.isAfter(now)) {
                if (!state.refusalReported) {
                    state.refusalReported = true;
                    audit.refused(scope, subject, address, username, state.pausedUntil);
                }
                throw new SignInRefused(scope, secondsUntil(now, state.pausedUntil));
            }
        }

        private State stateOf(String subject, Instant now) {
            State state = states.get(subject);
            if (state != null) {
                return state;
            }
            if (states.size() >= MAX_TRACKED) {
                forgetQuiet(now);
            }
            return states.computeIfAbsent(subject, s -> new State());
        }

        /** Keeps memory bounded: forgets subjects with nothing to remember, then, if need be, all unpaused ones. */
        private void forgetQuiet(Instant now) {
            states.entrySet().removeIf(e -> e.getValue().quiet(now, settings.window()));
            if (states.size() >= MAX_TRACKED) {
                states.entrySet().removeIf(e -> e.getValue().unpaused(now));
            }
        }
    }

    /** One subject's count; guarded by its own monitor. */
    private static final class State {
        int failures;
        int inFlight;
        int level;
        Instant windowStart;
        Instant lastFailure;
        Instant pausedUntil;
        boolean refusalReported;

        /** After a pause, a single failure pauses again; otherwise the configured number. */
        int threshold(int maxFailures) {
            return level == 0 ? maxFailures : 1;
        }

        void forgetOldFailures(Instant now, Duration window) {
            Instant quietSince = lastFailure == null ? null
                    : pausedUntil != null && pausedUntil.isAfter(lastFailure) ? pausedUntil : lastFailure;
            if (quietSince != null && Duration.between(quietSince, now).compareTo(window) > 0) {
                level = 0;
                failures = 0;
            }
            if (windowStart == null || Duration.between(windowStart, now).compareTo(window) > 0) {
                failures = 0;
                windowStart = now;
            }
        }

        synchronized boolean quiet(Instant now, Duration window) {
            return inFlight == 0 && unpaused(now)
                    && (lastFailure == null || Duration.between(lastFailure, now).compareTo(window) > 0);
        }

        synchronized boolean unpaused(Instant now) {
            return inFlight == 0 && (pausedUntil == null || !pausedUntil.isAfter(now));
        }
    }

    Duration backOff(int level) {
        Duration pause = settings.firstBackOff().multipliedBy(1L << Math.min(level - 1, 30));
        return pause.compareTo(settings.maxBackOff()) > 0 ? settings.maxBackOff() : pause;
    }

    private static long secondsUntil(Instant now, Instant until) {
        long millis = Duration.between(now, until).toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
