package io.brokergate.auth.kubernetes;

import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The entries of a Secret as text: {@code data} is base64 on the wire, {@code stringData} is plain. */
record SecretEntries(String secretName, Map<String, String> entries) {

    static SecretEntries of(Secret secret) {
        Map<String, String> out = new LinkedHashMap<>();
        if (secret.getStringData() != null) {
            out.putAll(secret.getStringData());
        }
        if (secret.getData() != null) {
            secret.getData().forEach((name, b64) -> out.put(name, decode(secret, name, b64)));
        }
        return new SecretEntries(secret.getMetadata().getName(), Map.copyOf(out));
    }

    /** Names only: the values are key material. */
    @Override
    public String toString() {
        return "SecretEntries[" + secretName + ": " + entries.keySet() + "]";
    }

    Optional<String> get(String name) {
        return Optional.ofNullable(entries.get(name));
    }

    String require(String name) {
        return get(name).orElseThrow(() -> new KeyMaterialException("Secret " + secretName + " has no entry " + name));
    }

    private static String decode(Secret secret, String name, String b64) {
        try {
            return new String(Base64.getMimeDecoder().decode(b64 == null ? "" : b64), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new KeyMaterialException("entry " + name + " of Secret " + secret.getMetadata().getName() + " is not base64");
        }
    }
}
