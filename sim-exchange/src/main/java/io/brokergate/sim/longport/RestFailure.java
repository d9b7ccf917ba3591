package io.brokergate.sim.longport;

import io.brokergate.longport.rest.LongPortErrorCode;

/**
 * A REST call that ends in an error envelope. Thrown anywhere on the request path and turned into
 * {@code {"code", "message", "data"}} with {@code httpStatus} by {@link LongPortRestApi}.
 */
final class RestFailure extends RuntimeException {

    private final int httpStatus;
    private final int code;

    RestFailure(int httpStatus, int code, String message) {
        super(message, null, false, false);
        this.httpStatus = httpStatus;
        this.code = code;
    }

    static RestFailure of(LongPortErrorCode code, String detail) {
        return new RestFailure(code.httpStatus(), code.code(),
                detail == null ? code.message() : code.message() + ": " + detail);
    }

    /** HTTP 400 with the sim's business code (602xxx). */
    static RestFailure badRequest(TradeErrorCode code, String message) {
        return new RestFailure(400, code.code(), message);
    }

    int httpStatus() {
        return httpStatus;
    }

    int code() {
        return code;
    }
}
