package io.brokergate.auth.oauth;

/**
 * A newly registered client. {@code clientSecret} is shown to the administrator once and never
 * stored (null for public clients).
 */
public record CreatedClient(String clientId, String clientSecret, OAuthClient client) {

    @Override
    public String toString() {
        return "CreatedClient[" + clientId + "]";
    }
}
