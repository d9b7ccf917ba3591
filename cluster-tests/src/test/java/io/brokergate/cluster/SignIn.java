package io.brokergate.cluster;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;
import java.util.UUID;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * A person signing in to auth-service in a browser: authorization code with PKCE through the login
 * form (cookies and the form's hidden fields kept), then the code exchanged for an access token.
 */
final class SignIn {

    private final URI auth;
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER).build();

    SignIn(String authUrl) {
        this.auth = URI.create(authUrl + "/");
    }

    String accessToken(String clientId, String redirectUri, String scope, String login, String password) {
        String verifier = UUID.randomUUID() + "-" + UUID.randomUUID();
        HttpResponse<String> page = send(HttpRequest.newBuilder(auth.resolve("oauth/authorize?response_type=code&client_id="
                + enc(clientId) + "&redirect_uri=" + enc(redirectUri) + "&scope=" + enc(scope) + "&state=cluster-test"
                + "&code_challenge=" + challenge(verifier) + "&code_challenge_method=S256")).GET());
        Element form = Jsoup.parse(page.body(), page.uri().toString()).getElementById("login");
        if (form == null) {
            throw new IllegalStateException("no login form (" + page.statusCode() + "): " + page.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        form.select("input").forEach(i -> fields.put(i.attr("name"), i.attr("value")));
        fields.put("login", login);
        fields.put("password", password);
        HttpResponse<String> answer = send(HttpRequest.newBuilder(page.uri().resolve(form.attr("action")))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        String code = codeFrom(answer);
        HttpResponse<String> token = send(HttpRequest.newBuilder(auth.resolve("oauth/token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(Map.of("grant_type", "authorization_code", "code", code,
                        "redirect_uri", redirectUri, "client_id", clientId, "code_verifier", verifier)))));
        if (token.statusCode() != 200) {
            throw new IllegalStateException("token exchange failed: " + token.statusCode() + " " + token.body());
        }
        return Json.read(token.body()).path("access_token").asText();
    }

    /** Follows redirects inside auth-service until one leaves for the client's redirect URI with the code. */
    private String codeFrom(HttpResponse<String> response) {
        HttpResponse<String> current = response;
        for (int hops = 0; hops < 5; hops++) {
            String location = current.headers().firstValue("Location").orElseThrow(() ->
                    new IllegalStateException("sign-in did not redirect: " + responseText(response)));
            URI next = current.uri().resolve(location);
            if (next.getPort() != auth.getPort()) {
                for (String pair : next.getRawQuery().split("&")) {
                    if (pair.startsWith("code=")) {
                        return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                    }
                }
                throw new IllegalStateException("no code in " + next);
            }
            current = send(HttpRequest.newBuilder(next).GET());
        }
        throw new IllegalStateException("too many redirects");
    }

    private static String responseText(HttpResponse<String> r) {
        return r.statusCode() + " " + r.body();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String challenge(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String form(Map<String, String> fields) {
        StringJoiner j = new StringJoiner("&");
        fields.forEach((k, v) -> j.add(enc(k) + "=" + enc(v)));
        return j.toString();
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
