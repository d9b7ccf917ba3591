package io.brokergate.auth.oauth;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

/**
 * Registration rules for redirect URIs and building the redirects themselves. Matching is exact
 * string comparison against the registered list (RFC 9700 §4.1.3): no prefix, path or query
 * leeway, which is what closes open redirects.
 */
public final class RedirectUris {

    private static final int MAX_LENGTH = 2000;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private RedirectUris() {
    }

    /**
     * Null when acceptable for registration, otherwise why not: absolute, no fragment, https (http
     * only on loopback) or a private-use scheme with a dot for native apps (RFC 8252 §7.1).
     */
    public static String problem(String uri) {
        if (uri == null || uri.isBlank() || uri.length() > MAX_LENGTH || uri.chars().anyMatch(Character::isWhitespace)) {
            return "redirect URIs must be non-empty, without whitespace, at most " + MAX_LENGTH + " characters";
        }
        URI parsed;
        try {
            parsed = new URI(uri);
        } catch (URISyntaxException e) {
            return "not a valid URI: " + uri;
        }
        if (!parsed.isAbsolute() || parsed.getRawFragment() != null || uri.contains("#")) {
            return "redirect URIs must be absolute and carry no fragment: " + uri;
        }
        String scheme = parsed.getScheme().toLowerCase(Locale.ROOT);
        String host = parsed.getHost() == null ? null : parsed.getHost().toLowerCase(Locale.ROOT);
        if (scheme.equals("https") && host != null) {
            return null;
        }
        if (scheme.equals("http") && host != null && LOOPBACK.contains(host)) {
            return null;
        }
        if (scheme.contains(".") && !scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        return "redirect URIs must use https (http only for localhost) or a private-use scheme such as com.example.app: " + uri;
    }

    /** {@code uri} with parameters added to its query (code flow, and errors of the code flow). */
    public static String withQuery(String uri, Map<String, String> params) {
        return uri + (uri.contains("?") ? "&" : "?") + encode(params);
    }

    /** {@code uri} with parameters in the fragment (implicit flow, RFC 6749 §4.2.2). */
    public static String withFragment(String uri, Map<String, String> params) {
        return uri + "#" + encode(params);
    }

    /** Ordered parameters, skipping null values. */
    public static Map<String, String> params(String... keyValues) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i + 1 < keyValues.length; i += 2) {
            if (keyValues[i + 1] != null) {
                out.put(keyValues[i], keyValues[i + 1]);
            }
        }
        return out;
    }

    private static String encode(Map<String, String> params) {
        StringJoiner j = new StringJoiner("&");
        params.forEach((k, v) -> j.add(component(k) + "=" + component(v)));
        return j.toString();
    }

    /** Percent-encoding with %20 for spaces, which both query and fragment parsers decode alike. */
    static String component(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
