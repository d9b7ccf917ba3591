package io.brokergate.auth.oauth;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An {@code application/x-www-form-urlencoded} body or query string, parsed by hand so that the
 * OAuth endpoints decide what a malformed, oversized or repeated parameter means (RFC 6749 §3.1,
 * §3.2: parameters must not repeat; a parameter without a value counts as omitted) instead of the
 * framework answering with its own error format.
 */
public final class UrlEncodedForm {

    /** Why a body could not be read. */
    public static final class Malformed extends Exception {
        public Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private static final int MAX_PARAMETERS = 64;

    private final Map<String, List<String>> values;

    private UrlEncodedForm(Map<String, List<String>> values) {
        this.values = values;
    }

    public static UrlEncodedForm empty() {
        return new UrlEncodedForm(Map.of());
    }

    /** @param maxChars larger input is refused before decoding */
    public static UrlEncodedForm parse(String text, int maxChars) throws Malformed {
        if (text == null || text.isEmpty()) {
            return empty();
        }
        if (text.length() > maxChars) {
            throw new Malformed("the request is too large");
        }
        Map<String, List<String>> out = new LinkedHashMap<>();
        int count = 0;
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            if (++count > MAX_PARAMETERS) {
                throw new Malformed("too many parameters");
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            out.computeIfAbsent(name, k -> new ArrayList<>(1)).add(value);
        }
        return new UrlEncodedForm(Collections.unmodifiableMap(out));
    }

    private static String decode(String s) throws Malformed {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Malformed("malformed percent-encoding");
        }
    }

    /** The value, or null when absent or empty. For a repeated parameter, the first value: check {@link #repeated()} first. */
    public String get(String name) {
        List<String> v = values.get(name);
        if (v == null || v.isEmpty() || v.get(0).isEmpty()) {
            return null;
        }
        return v.get(0);
    }

    public boolean has(String name) {
        return get(name) != null;
    }

    /** How often the parameter occurs (with or without value). */
    public int count(String name) {
        List<String> v = values.get(name);
        return v == null ? 0 : v.size();
    }

    /** Only the named parameters (all their occurrences). */
    public UrlEncodedForm subset(java.util.Collection<String> names) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        values.forEach((k, v) -> {
            if (names.contains(k)) {
                out.put(k, v);
            }
        });
        return new UrlEncodedForm(Collections.unmodifiableMap(out));
    }

    /** The first parameter that occurs more than once, if any. */
    public Optional<String> repeated() {
        return values.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).findFirst();
    }

    @Override
    public String toString() {
        return "UrlEncodedForm" + values.keySet();
    }
}
