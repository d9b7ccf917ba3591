package io.brokergate.auth.admin;

import static io.restassured.RestAssured.given;

import io.brokergate.api.security.AccountGrant;
import io.brokergate.api.security.CredentialKind;
import io.brokergate.auth.tokens.AccessTokenIssuer;
import io.brokergate.auth.tokens.AccessTokenRequest;
import io.quarkus.arc.Arc;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Requests as a caller with real credentials: RS256 access tokens from auth-service's own issuer,
 * verified by api-security's bearer mechanism exactly as in production.
 */
final class AdminApiTestSupport {

    static final String ALL_TENANT_SCOPES = "admin,trade,quotes:read,accounts:read";

    private AdminApiTestSupport() {
    }

    /** A user of {@code tenantId} holding the comma-separated {@code scopes} and every account. */
    static RequestSpecification as(String tenantId, String scopes) {
        return asSubject("admin-of-" + tenantId, tenantId, scopes);
    }

    static RequestSpecification asSubject(String subject, String tenantId, String scopes) {
        return given().header("Authorization", "Bearer " + token(subject, tenantId, scopes));
    }

    static RequestSpecification admin(String tenantId) {
        return as(tenantId, ALL_TENANT_SCOPES);
    }

    static String token(String subject, String tenantId, String scopes) {
        Set<String> set = Arrays.stream(scopes.split(",")).filter(s -> !s.isEmpty()).collect(Collectors.toSet());
        AccessTokenIssuer issuer = Arc.container().instance(AccessTokenIssuer.class).get();
        return issuer.issue(new AccessTokenRequest(subject, tenantId, set, AccountGrant.ALL, null, CredentialKind.USER,
                Duration.ofMinutes(5))).token();
    }

    static ValidatableResponse post(RequestSpecification spec, String path, Object body) {
        return spec.contentType(ContentType.JSON).body(body).post(path).then();
    }

    static ValidatableResponse put(RequestSpecification spec, String path, Object body) {
        return spec.contentType(ContentType.JSON).body(body).put(path).then();
    }
}
