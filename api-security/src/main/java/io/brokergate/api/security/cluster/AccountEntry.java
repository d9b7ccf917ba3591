package io.brokergate.api.security.cluster;

import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One account as auth-service's internal account list carries it to the other services: the account,
 * and for socket owners its connection's decrypted credentials. Writer and reader of that list.
 */
public record AccountEntry(Account account, Optional<BrokerCredentials> credentials) {

    public static JsonObject list(List<AccountEntry> entries) {
        JsonArray accounts = new JsonArray();
        entries.forEach(e -> accounts.add(e.toJson()));
        return new JsonObject().put("accounts", accounts);
    }

    /** Throws IllegalArgumentException (or ClassCastException) on an answer that is not such a list. */
    public static List<AccountEntry> parseList(JsonObject answer) {
        JsonArray accounts = answer.getJsonArray("accounts");
        if (accounts == null) {
            throw new IllegalArgumentException("no accounts array");
        }
        List<AccountEntry> entries = new ArrayList<>(accounts.size());
        for (int i = 0; i < accounts.size(); i++) {
            entries.add(parse(accounts.getJsonObject(i)));
        }
        return entries;
    }

    JsonObject toJson() {
        Account a = account;
        JsonObject json = new JsonObject().put("id", a.id()).put("tenant_id", a.tenantId())
                .put("connection_id", a.connectionId()).put("broker", a.broker().name())
                .put("broker_account_no", a.brokerAccountNo()).put("name", a.name()).put("currency", a.currency())
                .put("kind", a.kind().name());
        credentials.ifPresent(c -> json.put("credentials", new JsonObject()
                .put("secrets", new JsonObject(new HashMap<>(c.secrets())))
                .put("endpoints", new JsonObject(new HashMap<>(c.endpoints())))));
        return json;
    }

    private static AccountEntry parse(JsonObject json) {
        BrokerId broker = BrokerId.valueOf(required(json, "broker"));
        Account account = new Account(required(json, "id"), required(json, "tenant_id"), required(json, "connection_id"),
                broker, required(json, "broker_account_no"), json.getString("name"), json.getString("currency"),
                AccountKind.valueOf(required(json, "kind")));
        JsonObject credentials = json.getJsonObject("credentials");
        return new AccountEntry(account, credentials == null ? Optional.empty() : Optional.of(new BrokerCredentials(broker,
                account.connectionId(), strings(credentials.getJsonObject("secrets")), strings(credentials.getJsonObject("endpoints")))));
    }

    private static String required(JsonObject json, String field) {
        String value = json.getString(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("account entry without " + field);
        }
        return value;
    }

    private static Map<String, String> strings(JsonObject json) {
        Map<String, String> map = new HashMap<>();
        if (json != null) {
            json.forEach(e -> map.put(e.getKey(), (String) e.getValue()));
        }
        return map;
    }

    @Override
    public String toString() {
        return "AccountEntry[" + account.id() + ", credentials " + (credentials.isPresent() ? "included" : "absent") + "]";
    }
}
