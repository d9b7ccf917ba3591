package io.brokergate.auth.apikeys;

/** A freshly created key with its plaintext, which exists only in this object and the one response. */
public record CreatedApiKey(ApiKey key, String plaintext) {

    @Override
    public String toString() {
        return "CreatedApiKey[" + key.id() + "]";
    }
}
