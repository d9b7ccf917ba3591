package io.brokergate.longport.rest;

/** Documented REST error codes and the HTTP status they travel with (longport.md §1.4). */
public enum LongPortErrorCode {
    SIGNATURE_INVALID(403201, 403, "signature invalid"),
    DUPLICATE_REQUEST(403202, 403, "duplicate request"),
    API_KEY_ILLEGAL(403203, 403, "apikey illegal"),
    IP_NOT_ALLOWED(403205, 403, "ip is not allowed"),
    TOKEN_EXPIRED(401003, 401, "token expired"),
    IP_RATE_LIMITED(429001, 429, "ip rate limit exceeded"),
    API_RATE_LIMITED(429002, 429, "api rate limit exceeded"),
    INTERNAL_ERROR(500000, 500, "internal error");

    private final int code;
    private final int httpStatus;
    private final String message;

    LongPortErrorCode(int code, int httpStatus, String message) {
        this.code = code;
        this.httpStatus = httpStatus;
        this.message = message;
    }

    public int code() {
        return code;
    }

    public int httpStatus() {
        return httpStatus;
    }

    /** Our wording for the envelope's message; the real server's exact texts are not documented. */
    public String message() {
        return message;
    }

    /** @return the documented code, or {@code null} (business codes are undocumented) */
    public static LongPortErrorCode ofCode(int code) {
        for (LongPortErrorCode c : values()) {
            if (c.code == code) {
                return c;
            }
        }
        return null;
    }
}
