package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** data of {@code GET /v1/asset/account}. */
public record AccountBalanceResponse(@JsonProperty("list") List<AccountBalanceJson> list) {
    public AccountBalanceResponse {
        list = JsonValues.orEmpty(list);
    }
}
