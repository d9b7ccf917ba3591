package io.brokergate.api.security.http;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/**
 * A bearer credential to verify: an access token, or an API key when it starts with
 * {@code bgk_}. Its own request type so no other identity provider (e.g. quarkus-smallrye-jwt's)
 * competes for it.
 */
public final class BearerCredentialRequest extends BaseAuthenticationRequest {

    private final String credential;

    public BearerCredentialRequest(String credential) {
        this.credential = credential;
    }

    public String credential() {
        return credential;
    }

    @Override
    public String toString() {
        return "BearerCredentialRequest[credential hidden]";
    }
}
