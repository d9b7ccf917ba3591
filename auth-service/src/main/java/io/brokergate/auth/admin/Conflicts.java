package io.brokergate.auth.admin;

import java.sql.SQLException;

/** Recognises a unique-constraint violation (SQLSTATE 23505 on H2 and PostgreSQL) behind a store failure. */
public final class Conflicts {

    private Conflicts() {
    }

    public static boolean isUniqueViolation(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
