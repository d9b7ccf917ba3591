package io.brokergate.auth.admin;

import io.brokergate.api.security.Scopes;
import io.brokergate.core.error.GatewayException;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Syntactic checks of admin API input. Every failure is a 400 problem naming the field, never a
 * 500. Free text refuses control and invisible formatting characters (such as bidirectional
 * overrides), which have no place in names and could disguise one name as another.
 */
public final class Inputs {

    static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._@+-]{2,99}");
    static final Pattern KEY_NAME = Pattern.compile("[a-z][a-z0-9_]{0,63}");
    static final int MAX_SCOPES = Scopes.ALL.size();
    static final int MIN_PASSWORD = 12;
    static final int MAX_PASSWORD = 256;

    private Inputs() {
    }

    static <T> T body(T body) {
        if (body == null) {
            throw GatewayException.invalid("a JSON request body is required");
        }
        return body;
    }

    /** Required printable text of 1..max characters, no leading or trailing blanks. */
    public static String text(String field, String value, int max) {
        if (value == null || value.isEmpty()) {
            throw GatewayException.invalid(field + " is required");
        }
        if (value.length() > max) {
            throw GatewayException.invalid(field + " is longer than " + max + " characters");
        }
        if (!value.equals(value.strip())) {
            throw GatewayException.invalid(field + " must not start or end with blanks");
        }
        if (!printable(value)) {
            throw GatewayException.invalid(field + " contains control or invisible characters");
        }
        return value;
    }

    static String matching(String field, String value, Pattern pattern, String rule) {
        if (value == null || value.isEmpty()) {
            throw GatewayException.invalid(field + " is required");
        }
        if (!pattern.matcher(value).matches()) {
            throw GatewayException.invalid(field + " must be " + rule);
        }
        return value;
    }

    public static String login(String value) {
        return matching("login", value, LOGIN, "3 to 100 characters: letters, digits and . _ @ + -");
    }

    public static String password(String field, String value) {
        if (value == null || value.length() < MIN_PASSWORD) {
            throw GatewayException.invalid(field + " must have at least " + MIN_PASSWORD + " characters");
        }
        if (value.length() > MAX_PASSWORD) {
            throw GatewayException.invalid(field + " is longer than " + MAX_PASSWORD + " characters");
        }
        if (value.chars().anyMatch(Character::isISOControl)) {
            throw GatewayException.invalid(field + " contains control characters");
        }
        return value;
    }

    /** Known scopes, no nulls; duplicates collapse. */
    static Set<String> scopes(List<String> values) {
        if (values == null || values.isEmpty()) {
            throw GatewayException.invalid("scopes: at least one scope is required");
        }
        if (values.size() > MAX_SCOPES * 2) {
            throw GatewayException.invalid("scopes: too many entries");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String s : values) {
            if (s == null || !Scopes.ALL.contains(s)) {
                throw GatewayException.invalid("scopes: unknown scope " + quote(s) + "; known: "
                        + String.join(", ", new TreeSet<>(Scopes.ALL)));
            }
            out.add(s);
        }
        return out;
    }

    /** Printable entries of bounded length and count; duplicates collapse. */
    static Set<String> ids(String field, Collection<String> values, int maxCount, int maxLength) {
        if (values == null || values.isEmpty()) {
            throw GatewayException.invalid(field + " is required");
        }
        if (values.size() > maxCount) {
            throw GatewayException.invalid(field + ": at most " + maxCount + " entries");
        }
        Set<String> out = new LinkedHashSet<>();
        for (String v : values) {
            out.add(text(field + " entry", v, maxLength));
        }
        return out;
    }

    /**
     * An absolute URL with one of {@code secureSchemes}; the matching insecure scheme is allowed
     * only for {@code insecureHosts} (loopback by default). No user info, no fragment.
     */
    static URI url(String field, String value, List<String> secureSchemes, Collection<String> insecureHosts) {
        text(field, value, 2000);
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw GatewayException.invalid(field + " is not a valid URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost();
        if (!uri.isAbsolute() || host == null || host.isEmpty() || uri.getRawUserInfo() != null || uri.getRawFragment() != null) {
            throw GatewayException.invalid(field + " must be an absolute URL with a host, without user info or fragment");
        }
        if (secureSchemes.contains(scheme)) {
            return uri;
        }
        String bareHost = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean insecureAllowed = insecureHosts.stream().anyMatch(h -> h.equalsIgnoreCase(bareHost));
        boolean insecureScheme = secureSchemes.stream().anyMatch(s -> scheme.equals(s.substring(0, s.length() - 1)));
        if (insecureScheme && insecureAllowed) {
            return uri;
        }
        throw GatewayException.invalid(field + " must use " + String.join(" or ", secureSchemes)
                + (insecureScheme ? " (plain " + scheme + " only for " + String.join(", ", insecureHosts) + ")" : ""));
    }

    /** No control characters, no invisible formatting, no unpaired surrogates, no private use. */
    static boolean printable(String s) {
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            int type = Character.getType(cp);
            if (Character.isISOControl(cp) || type == Character.FORMAT || type == Character.SURROGATE
                    || type == Character.PRIVATE_USE || type == Character.UNASSIGNED
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }

    static String quote(String s) {
        if (s == null) {
            return "null";
        }
        String shown = s.length() > 40 ? s.substring(0, 40) + "…" : s;
        return "'" + (printable(shown) ? shown : "(unprintable)") + "'";
    }
}
