package io.brokergate.auth.sessions;

/**
 * A LongPort socket one-time password ({@code GET /v1/socket/token}). Single use; the official SDK
 * refuses to connect when {@code online >= limit}.
 */
public record SocketToken(String otp, int limit, int online) {

    @Override
    public String toString() {
        return "SocketToken[limit=" + limit + ", online=" + online + "]";
    }
}
