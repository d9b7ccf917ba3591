package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;

/** {@code POST /v1/admin/users}: scopes must be a subset of the creator's; the password has 12+ characters. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record UserRequest(String login, String password, List<String> scopes) {

    @Override
    public String toString() {
        return "UserRequest[" + login + ", scopes=" + scopes + "]";
    }
}
