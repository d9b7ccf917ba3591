package io.brokergate.auth.oauth;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** JSON answers of the token, revocation and introspection endpoints: never cached (RFC 6749 §5.1). */
public final class OAuthResponses {

    private OAuthResponses() {
    }

    public static Response json(int status, Object entity) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE).entity(entity)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    /** RFC 6749 §5.2; a 401 always names the Basic scheme, as HTTP requires a challenge with 401. */
    public static Response error(OAuthError e) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", e.error());
        if (e.description() != null) {
            body.put("error_description", e.description());
        }
        Response.ResponseBuilder r = Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body)
                .header("Cache-Control", "no-store").header("Pragma", "no-cache");
        if (e.status() == 401) {
            r.header("WWW-Authenticate", "Basic realm=\"brokergate\", error=\"" + e.error() + "\"");
        }
        return r.build();
    }

    /**
     * The request body as a form, or {@code invalid_request}: wrong content type, oversized,
     * malformed encoding, or a repeated parameter (RFC 6749 §3.2).
     */
    public static UrlEncodedForm form(String body, String contentType, int maxBytes) {
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            throw OAuthError.invalidRequest("the body must be application/x-www-form-urlencoded");
        }
        UrlEncodedForm form;
        try {
            form = UrlEncodedForm.parse(body, maxBytes);
        } catch (UrlEncodedForm.Malformed e) {
            throw OAuthError.invalidRequest(e.getMessage());
        }
        form.repeated().ifPresent(name -> {
            throw OAuthError.invalidRequest("parameter repeated: " + name);
        });
        return form;
    }
}
