package io.brokergate.auth.admin;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import io.brokergate.auth.oauth.GrantType;
import io.brokergate.auth.oauth.OAuthClient;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** A registered OAuth client as the admin API shows it: never its secret or the secret's hash. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClientView(String clientId, String name, boolean confidential, List<String> redirectUris,
                         List<String> logoutRedirectUris, List<String> grantTypes, List<String> scopes, List<String> accounts,
                         String certificateSha1, String serverUserId, String appUrl, Instant createdAt) {

    static ClientView of(OAuthClient c) {
        List<String> accounts = c.accounts().all() ? List.of("*") : List.copyOf(new TreeSet<>(c.accounts().accountIds()));
        return new ClientView(c.clientId(), c.name(), c.confidential(), c.redirectUris(), c.logoutRedirectUris(),
                c.grantTypes().stream().map(GrantType::wireName).sorted().toList(), List.copyOf(new TreeSet<>(c.scopes())),
                accounts, c.certificateSha1(), c.serverUserId(), c.appUrl(), c.createdAt());
    }
}
