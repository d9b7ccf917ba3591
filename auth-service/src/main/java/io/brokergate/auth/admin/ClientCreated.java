package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/**
 * Answer to creating a client or rotating its secret: the only time {@code client_secret} is
 * shown (null for public clients).
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClientCreated(String clientId, String clientSecret, ClientView client) {

    @Override
    public String toString() {
        return "ClientCreated[" + clientId + "]";
    }
}
