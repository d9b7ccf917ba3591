package io.brokergate.auth.tokens;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.Optional;

/**
 * A compact JWS (header.payload.signature) read strictly: base64url without padding, JSON objects
 * without duplicate members, and only RS256 accepted for verification, whatever the header says.
 * Deciding the algorithm here rather than from the header is what defeats {@code alg=none} and
 * HS256-signed-with-the-public-key forgeries.
 */
public final class CompactJws {

    /** Upper bound of a token this server reads; its own tokens are about 1 KB. */
    public static final int MAX_LENGTH = 8192;
    private static final int MIN_RSA_BITS = 2048;
    /** 9999-12-31T23:59:59Z: larger values are nonsense and would overflow date arithmetic. */
    private static final long MAX_NUMERIC_DATE = 253402300799L;
    private static final ObjectMapper JSON = new ObjectMapper().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Base64.Decoder B64URL = Base64.getUrlDecoder();

    private final JsonNode header;
    private final JsonNode claims;
    private final byte[] signingInput;
    private final byte[] signature;

    private CompactJws(JsonNode header, JsonNode claims, byte[] signingInput, byte[] signature) {
        this.header = header;
        this.claims = claims;
        this.signingInput = signingInput;
        this.signature = signature;
    }

    /** Empty when the text is not a well-formed compact JWS with JSON-object header and claims. */
    public static Optional<CompactJws> parse(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_LENGTH) {
            return Optional.empty();
        }
        int first = token.indexOf('.');
        int second = first < 0 ? -1 : token.indexOf('.', first + 1);
        if (first <= 0 || second <= first + 1 || token.indexOf('.', second + 1) >= 0) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(decode(token.substring(0, first)));
            JsonNode claims = JSON.readTree(decode(token.substring(first + 1, second)));
            byte[] sig = decode(token.substring(second + 1));
            if (header == null || !header.isObject() || claims == null || !claims.isObject()) {
                return Optional.empty();
            }
            return Optional.of(new CompactJws(header, claims, token.substring(0, second).getBytes(StandardCharsets.US_ASCII), sig));
        } catch (IOException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    private static byte[] decode(String part) {
        if (part.indexOf('=') >= 0 || part.indexOf('+') >= 0 || part.indexOf('/') >= 0) {
            throw new IllegalArgumentException("not base64url");
        }
        return B64URL.decode(part);
    }

    public JsonNode header() {
        return header;
    }

    public JsonNode claims() {
        return claims;
    }

    /** A header member as text, or null when absent or not a string. */
    public String headerText(String name) {
        JsonNode n = header.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** A claim as text, or null when absent or not a string. */
    public String claimText(String name) {
        JsonNode n = claims.get(name);
        return n != null && n.isTextual() ? n.asText() : null;
    }

    /** A NumericDate claim in seconds, or null when absent, not an integral number, or outside years 1970-9999. */
    public Long claimSeconds(String name) {
        JsonNode n = claims.get(name);
        if (n == null || !n.isIntegralNumber() || !n.canConvertToLong()) {
            return null;
        }
        long v = n.asLong();
        return v < 0 || v > MAX_NUMERIC_DATE ? null : v;
    }

    /** Whether {@code aud} (a string or an array of strings) names {@code audience}. */
    public boolean hasAudience(String audience) {
        JsonNode aud = claims.get("aud");
        if (aud == null) {
            return false;
        }
        if (aud.isTextual()) {
            return aud.asText().equals(audience);
        }
        if (aud.isArray()) {
            for (JsonNode a : aud) {
                if (a.isTextual() && a.asText().equals(audience)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * True only if the header says exactly RS256, names no critical extensions, and the signature
     * verifies with SHA256withRSA under {@code key} (an RSA key of at least 2048 bits).
     */
    public boolean verifiesRs256(PublicKey key) {
        if (!"RS256".equals(headerText("alg")) || header.has("crit")) {
            return false;
        }
        if (!(key instanceof RSAPublicKey rsa) || rsa.getModulus().bitLength() < MIN_RSA_BITS) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key);
            verifier.update(signingInput);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }
}
