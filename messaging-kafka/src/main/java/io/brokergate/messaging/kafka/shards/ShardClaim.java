package io.brokergate.messaging.kafka.shards;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.io.IOException;
import java.util.Optional;

/**
 * One ownership claim, the record a new holder of a shard writes to the shard's own partition of
 * the shards topic before it acts: which member holds it since when, with which epoch. The topic
 * is compacted on a constant key, so each partition keeps at least its latest claim: the history
 * of who held which accounts, and the floor for the next epoch.
 *
 * @param url the holder's internal base URL, where its accounts' broker calls go ({@link ShardOwners});
 *            null in claims written before pods advertised one (readers treat the owner as unknown)
 */
@RegisterForReflection // Jackson, in native images
record ShardClaim(int version, long epoch, String member, long claimedAtMillis, String url) {

    static final int VERSION = 1;
    /** Compaction keeps the latest record per key and partition: one key for every claim. */
    static final byte[] KEY = {'c', 'l', 'a', 'i', 'm'};

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .build();

    byte[] toJson() {
        try {
            return JSON.writeValueAsBytes(this);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A claim, or empty for a record that is not one (the epoch floor then comes from the clock). */
    static Optional<ShardClaim> parse(byte[] json) {
        try {
            return json == null ? Optional.empty() : Optional.of(JSON.readValue(json, ShardClaim.class));
        } catch (IOException e) {
            return Optional.empty();
        }
    }
}
