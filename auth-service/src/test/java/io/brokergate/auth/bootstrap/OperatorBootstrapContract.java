package io.brokergate.auth.bootstrap;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.oauth.Browser;
import io.brokergate.auth.oauth.ClientStore;
import io.brokergate.auth.oauth.Pkce;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.users.PasswordHasher;
import io.brokergate.auth.users.User;
import io.brokergate.auth.users.UserStore;
import io.quarkus.test.common.http.TestHTTPResource;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The operator bootstrap against a database that starts without an operator (the application was started without
 * bootstrap settings), in order: nothing exists, a colliding setting is refused, concurrent instances create one
 * operator, a later start with another password changes nothing, and the operator signs in through the operator
 * client and creates a tenant. Runs on H2 and on PostgreSQL.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class OperatorBootstrapContract {

    static final String LOGIN = "operator-" + UUID.randomUUID().toString().substring(0, 8);
    static final String PASSWORD = "first operator password " + UUID.randomUUID();
    static final String REDIRECT = "http://127.0.0.1:8765/callback";
    static final OperatorSettings SETTINGS = new OperatorSettings(LOGIN, PASSWORD, "platform", "brokergate-operator", List.of(REDIRECT));
    private static final int INSTANCES = 8;

    @TestHTTPResource("/")
    URI root;
    @Inject
    OperatorBootstrap bootstrap;
    @Inject
    AgroalDataSource db;
    @Inject
    UserStore users;
    @Inject
    TenantStore tenants;
    @Inject
    ClientStore clients;
    @Inject
    PasswordHasher hasher;
    @Inject
    AuditLog audit;

    @Test
    @Order(1)
    void withoutSettingsTheStartCreatedNothing() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM users WHERE ' ' || scopes || ' ' LIKE '% platform %'"));
        assertTrue(tenants.findByName("platform").isEmpty());
        assertTrue(clients.find("brokergate-operator").isEmpty());
    }

    @Test
    @Order(2)
    void aTenantNameInUseIsRefusedAndNothingIsCreated() throws SQLException {
        String taken = "customer-" + UUID.randomUUID();
        tenants.create(taken);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> bootstrap.ensureOperator(
                new OperatorSettings(LOGIN, PASSWORD, taken, "brokergate-operator", List.of(REDIRECT))));
        assertTrue(e.getMessage().contains("a tenant named '" + taken + "' exists (brokergate.auth.bootstrap.operator-tenant)"),
                e.getMessage());
        assertTrue(users.findByLogin(LOGIN).isEmpty());
        assertEquals(0, count("SELECT COUNT(*) FROM users WHERE ' ' || scopes || ' ' LIKE '% platform %'"));
    }

    @Test
    @Order(3)
    void instancesStartingTogetherCreateOneOperator() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(INSTANCES);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<OperatorBootstrap.Outcome>> outcomes = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                outcomes.add(pool.submit(() -> {
                    go.await();
                    return bootstrap.ensureOperator(SETTINGS);
                }));
            }
            go.countDown();
            int created = 0;
            for (Future<OperatorBootstrap.Outcome> f : outcomes) {
                created += f.get() == OperatorBootstrap.Outcome.CREATED ? 1 : 0;
            }
            assertEquals(1, created, "exactly one instance creates the operator");
        } finally {
            pool.shutdownNow();
        }
        User operator = users.findByLogin(LOGIN).orElseThrow();
        assertEquals(ClientStore.OPERATOR_SCOPES, operator.scopes());
        assertEquals(1, count("SELECT COUNT(*) FROM users WHERE ' ' || scopes || ' ' LIKE '% platform %'"));
        assertEquals(1, count("SELECT COUNT(*) FROM tenants WHERE name = 'platform'"));
        assertEquals(operator.tenantId(), clients.find("brokergate-operator").orElseThrow().tenantId());
        List<AuditLog.Entry> trail = audit.recent(operator.tenantId(), 10).stream()
                .filter(e -> e.action().equals("operator.bootstrap")).toList();
        assertEquals(1, trail.size());
        assertTrue(trail.get(0).detail().contains(operator.id()), trail.get(0).detail());
    }

    @Test
    @Order(4)
    void aLaterStartWithAnotherPasswordChangesNothing() {
        OperatorSettings other = new OperatorSettings(LOGIN, "a different password " + UUID.randomUUID(), "platform",
                "brokergate-operator", List.of(REDIRECT));
        assertEquals(OperatorBootstrap.Outcome.EXISTS, bootstrap.ensureOperator(other));
        String hash = users.findByLogin(LOGIN).orElseThrow().passwordHash();
        assertTrue(hasher.verify(PASSWORD, hash));
        assertFalse(hasher.verify(other.password(), hash));
    }

    @Test
    @Order(5)
    void theOperatorSignsInThroughTheOperatorClientAndCreatesATenant() {
        String verifier = "verifier-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        Browser browser = new Browser(root);
        Browser.Page login = browser.get("/oauth/authorize?response_type=code&client_id=brokergate-operator&redirect_uri="
                + enc(REDIRECT) + "&scope=" + enc("platform admin") + "&state=s1&code_challenge="
                + Pkce.challengeOf(verifier).orElseThrow() + "&code_challenge_method=S256");
        assertTrue(login.isLoginForm(), login.body());
        Browser.Page redirect = browser.follow(browser.submitLogin(login, LOGIN, PASSWORD));
        assertEquals(303, redirect.status(), redirect.body());
        Map<String, String> params = Browser.params(redirect.location().orElseThrow(), false);
        String token = given().formParam("grant_type", "authorization_code").formParam("code", params.get("code"))
                .formParam("redirect_uri", REDIRECT).formParam("client_id", "brokergate-operator")
                .formParam("code_verifier", verifier).post("/oauth/token")
                .then().statusCode(200).body("scope", equalTo("admin platform")).extract().path("access_token");

        String name = "first-customer-" + UUID.randomUUID();
        String adminLogin = "admin-" + UUID.randomUUID();
        String console = given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON)
                .body(Map.of("name", name, "admin_login", adminLogin, "admin_password", "customer admin password"))
                .post("/v1/admin/tenants").then().statusCode(201).body("tenant.name", equalTo(name))
                .extract().path("console_client_id");
        given().header("Authorization", "Bearer " + token).get("/v1/admin/tenants").then().statusCode(200)
                .body("name", hasItem(name));

        // The new tenant's administrator signs in through the tenant's console client and acts in that tenant only.
        String adminToken = signIn(console, "admin trade", adminLogin, "customer admin password");
        given().header("Authorization", "Bearer " + adminToken).get("/v1/admin/tenant").then().statusCode(200)
                .body("name", equalTo(name));
        given().header("Authorization", "Bearer " + adminToken).get("/v1/admin/tenants").then().statusCode(403);
    }

    private String signIn(String clientId, String scope, String login, String password) {
        String verifier = "verifier-" + UUID.randomUUID() + "-" + UUID.randomUUID();
        Browser browser = new Browser(root);
        Browser.Page page = browser.get("/oauth/authorize?response_type=code&client_id=" + clientId + "&redirect_uri="
                + enc(REDIRECT) + "&scope=" + enc(scope) + "&state=s2&code_challenge="
                + Pkce.challengeOf(verifier).orElseThrow() + "&code_challenge_method=S256");
        assertTrue(page.isLoginForm(), page.body());
        Browser.Page redirect = browser.follow(browser.submitLogin(page, login, password));
        assertEquals(303, redirect.status(), redirect.body());
        String code = Browser.params(redirect.location().orElseThrow(), false).get("code");
        return given().formParam("grant_type", "authorization_code").formParam("code", code)
                .formParam("redirect_uri", REDIRECT).formParam("client_id", clientId)
                .formParam("code_verifier", verifier).post("/oauth/token")
                .then().statusCode(200).extract().path("access_token");
    }

    private long count(String sql) throws SQLException {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
