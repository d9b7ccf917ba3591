package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.time.Instant;
import java.util.Map;

/** {@code PUT /v1/admin/connections/{id}/credentials}: replaces all credentials, re-encrypted. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CredentialRotation(Map<String, String> credentials, Instant accessTokenExpiresAt) {

    /** Never prints credential values. */
    @Override
    public String toString() {
        return "CredentialRotation[keys=" + (credentials == null ? "none" : credentials.keySet()) + "]";
    }
}
