package io.brokergate.auth.oauth;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A minimal browser for the end-to-end tests: keeps cookies, follows redirects inside the server
 * by hand and stops at the first redirect that leaves it (the client's redirect URI), fills and
 * submits the login form found with jsoup. Each browser has its own source address
 * (X-Forwarded-For), so throttling in one test cannot leak into another.
 */
public final class Browser {

    /** One response. */
    public record Page(int status, HttpHeaders headers, String body, URI uri) {
        public Optional<String> location() {
            return headers.firstValue("Location");
        }

        public Document doc() {
            return Jsoup.parse(body, uri.toString());
        }

        public boolean isLoginForm() {
            return doc().getElementById("login") != null;
        }
    }

    private final URI root;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient http;
    private final String address;

    public Browser(URI root) {
        this(root, "10." + ThreadLocalRandom.current().nextInt(256) + "." + ThreadLocalRandom.current().nextInt(256) + "."
                + (1 + ThreadLocalRandom.current().nextInt(254)));
    }

    public Browser(URI root, String address) {
        this.root = root;
        this.address = address;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public String address() {
        return address;
    }

    public Page get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(root.resolve(pathAndQuery)).GET());
    }

    public Page postForm(String path, Map<String, String> form) {
        return postRaw(path, encode(form));
    }

    public Page postRaw(String path, String body) {
        return send(HttpRequest.newBuilder(root.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Follows same-server redirects; returns the last page, or the page whose Location leaves the server. */
    public Page follow(Page page) {
        Page current = page;
        for (int hops = 0; hops < 10 && current.status() / 100 == 3 && current.location().isPresent(); hops++) {
            URI next = current.uri().resolve(current.location().get());
            if (!next.getHost().equals(root.getHost()) || next.getPort() != root.getPort()) {
                return current;
            }
            current = get(next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery()));
        }
        return current;
    }

    /** Fills login and password into the page's login form and submits it, keeping every hidden field. */
    public Page submitLogin(Page loginPage, String login, String password) {
        Element form = loginPage.doc().getElementById("login");
        if (form == null) {
            throw new AssertionError("no login form on the page: " + loginPage.body());
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (Element input : form.select("input")) {
            fields.put(input.attr("name"), input.attr("value"));
        }
        fields.put("login", login);
        fields.put("password", password);
        return postForm(form.attr("action"), fields);
    }

    public Optional<String> cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).map(HttpCookie::getValue).findFirst();
    }

    public void dropCookie(String name) {
        cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name)).toList()
                .forEach(c -> cookies.getCookieStore().getURIs().forEach(u -> cookies.getCookieStore().remove(u, c)));
    }

    /** Query or fragment parameters of a redirect target. */
    public static Map<String, String> params(String location, boolean fragment) {
        URI uri = URI.create(location);
        String raw = fragment ? uri.getRawFragment() : uri.getRawQuery();
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            out.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return out;
    }

    public static String encode(Map<String, String> form) {
        StringJoiner j = new StringJoiner("&");
        form.forEach((k, v) -> j.add(URLEncoder.encode(k, StandardCharsets.UTF_8) + "=" + URLEncoder.encode(v, StandardCharsets.UTF_8)));
        return j.toString();
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest r = request.header("X-Forwarded-For", address).build();
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Page(response.statusCode(), response.headers(), response.body(), r.uri());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
