package io.brokergate.longport.trading;

import io.brokergate.core.limits.OutboundCategory;
import io.vertx.core.http.HttpMethod;

/**
 * One REST call before signing.
 *
 * @param query       raw query without '?', "" for none
 * @param body        JSON bytes, or null for GET/DELETE
 * @param placesOrder true for submit: a timeout then means "the order may exist", never "retry"
 */
public record RestCall(HttpMethod method, String path, String query, byte[] body, OutboundCategory category,
                       boolean placesOrder) {

    public static RestCall get(String path, QueryString query, OutboundCategory category) {
        return new RestCall(HttpMethod.GET, path, query == null ? "" : query.toString(), null, category, false);
    }

    public static RestCall delete(String path, QueryString query) {
        return new RestCall(HttpMethod.DELETE, path, query.toString(), null, OutboundCategory.TRADE, false);
    }

    public static RestCall json(HttpMethod method, String path, byte[] body, boolean placesOrder) {
        return new RestCall(method, path, "", body, OutboundCategory.TRADE, placesOrder);
    }
}
