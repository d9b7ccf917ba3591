package io.brokergate.sim.admin;

/** An admin request that ends in {@code {"error": ..., "status": ...}} with that HTTP status. */
final class AdminFailure extends RuntimeException {

    private final int status;

    AdminFailure(int status, String message) {
        super(message, null, false, false);
        this.status = status;
    }

    static AdminFailure badRequest(String message) {
        return new AdminFailure(400, message);
    }

    static AdminFailure notFound(String message) {
        return new AdminFailure(404, message);
    }

    int status() {
        return status;
    }
}
