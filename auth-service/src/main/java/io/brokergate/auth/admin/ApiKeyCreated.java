package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

/** Answer to {@code POST /v1/admin/api-keys}: the only time {@code key} is ever shown. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ApiKeyCreated(String key, ApiKeyView apiKey) {

    @Override
    public String toString() {
        return "ApiKeyCreated[" + apiKey.id() + "]";
    }
}
