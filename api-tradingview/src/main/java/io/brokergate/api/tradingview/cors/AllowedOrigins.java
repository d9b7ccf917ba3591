package io.brokergate.api.tradingview.cors;

import java.util.List;
import java.util.Locale;

/**
 * A list of origin patterns: exact origins ({@code http://localhost:6285}) and subdomain
 * wildcards ({@code https://*.tradingview.com}). Scheme and port must match exactly; the
 * wildcard stands for one or more whole host labels, never for part of one.
 */
final class AllowedOrigins {

    private record Pattern(String scheme, String hostSuffix, String host, int port) {
    }

    private static final int MAX_ORIGIN_LENGTH = 253 + 16;

    private final List<Pattern> patterns;

    AllowedOrigins(List<String> origins) {
        this.patterns = origins.stream().map(String::trim).filter(s -> !s.isEmpty()).map(AllowedOrigins::pattern).toList();
    }

    boolean allows(String origin) {
        if (origin == null || origin.length() > MAX_ORIGIN_LENGTH) {
            return false;
        }
        Pattern o = parse(origin);
        if (o == null) {
            return false;
        }
        for (Pattern p : patterns) {
            if (p.scheme().equals(o.scheme()) && p.port() == o.port() && hostMatches(p, o.host())) {
                return true;
            }
        }
        return false;
    }

    private static boolean hostMatches(Pattern p, String host) {
        if (p.hostSuffix() == null) {
            return p.host().equals(host);
        }
        return host.length() > p.hostSuffix().length() && host.endsWith(p.hostSuffix())
                && host.charAt(host.length() - p.hostSuffix().length() - 1) != '.';
    }

    private static Pattern pattern(String origin) {
        Pattern p = parse(origin.toLowerCase(Locale.ROOT).replace("://*.", "://wildcard."));
        if (p == null) {
            throw new IllegalArgumentException("not an origin (scheme://host[:port]): " + origin);
        }
        return origin.contains("://*.") ? new Pattern(p.scheme(), p.host().substring("wildcard".length()), null, p.port()) : p;
    }

    /** {@code scheme://host[:port]} with no path, user info or trailing dot; null when it is not one. */
    private static Pattern parse(String origin) {
        int sep = origin.indexOf("://");
        if (sep <= 0) {
            return null;
        }
        String scheme = origin.substring(0, sep).toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return null;
        }
        String authority = origin.substring(sep + 3).toLowerCase(Locale.ROOT);
        int colon = authority.lastIndexOf(':');
        String host = colon < 0 ? authority : authority.substring(0, colon);
        int port = scheme.equals("https") ? 443 : 80;
        if (colon >= 0) {
            try {
                port = Integer.parseInt(authority.substring(colon + 1));
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (host.isEmpty() || host.endsWith(".") || host.startsWith(".") || host.contains("..") || !host.chars().allMatch(AllowedOrigins::hostChar)) {
            return null;
        }
        return new Pattern(scheme, null, host, port);
    }

    private static boolean hostChar(int c) {
        return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '-' || c == '.';
    }
}
