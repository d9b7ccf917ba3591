package io.brokergate.auth.login;

import io.brokergate.auth.users.User;
import java.time.Duration;

/** The answer to a password login attempt. */
public sealed interface LoginOutcome {

    /** Login and password matched an enabled user (of the required tenant). */
    record Authenticated(User user) implements LoginOutcome { }

    /** Anything else: unknown login, wrong password, disabled user, other tenant — deliberately one case. */
    record Rejected() implements LoginOutcome { }

    /** Too many password checks in progress on this instance: nothing was checked or counted. */
    record Busy() implements LoginOutcome { }

    /** Too many failures: not checked at all; {@code locked} distinguishes a lock from a delay. */
    record Throttled(Duration retryAfter, boolean locked) implements LoginOutcome { }
}
