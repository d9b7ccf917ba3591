package io.brokergate.stream.fanout;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * The JSON shapes the server sends, identical over WebSocket and SSE. Property names are fixed
 * here so that a JSON naming strategy cannot change the wire format.
 */
public final class ServerMessages {

    private ServerMessages() {
    }

    /** A change on one stream. Account streams carry the account's epoch and sequence; market data a hub sequence. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Event(@JsonProperty("type") String type, @JsonProperty("stream") String stream,
                        @JsonProperty("account") String account, @JsonProperty("symbol") String symbol,
                        @JsonProperty("epoch") Long epoch, @JsonProperty("sequence") long sequence,
                        @JsonProperty("payload") Object payload) {
    }

    /** Upstream connection state of an account's broker socket. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Status(@JsonProperty("type") String type, @JsonProperty("account") String account,
                         @JsonProperty("epoch") long epoch, @JsonProperty("sequence") long sequence,
                         @JsonProperty("state") String state, @JsonProperty("detail") String detail) {
    }

    /**
     * Answer to subscribe: the snapshot, and the sequence it is current up to (events after it follow).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Subscribed(@JsonProperty("type") String type, @JsonProperty("ref") String ref,
                             @JsonProperty("stream") String stream, @JsonProperty("account") String account,
                             @JsonProperty("symbol") String symbol, @JsonProperty("epoch") Long epoch,
                             @JsonProperty("sequence") Long sequence, @JsonProperty("snapshot") Object snapshot) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Unsubscribed(@JsonProperty("type") String type, @JsonProperty("ref") String ref,
                               @JsonProperty("stream") String stream, @JsonProperty("account") String account,
                               @JsonProperty("symbols") List<String> symbols) {
    }

    /** Resume accepted: {@code replayed} missed events follow, then live ones. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resumed(@JsonProperty("type") String type, @JsonProperty("ref") String ref,
                          @JsonProperty("account") String account, @JsonProperty("streams") List<String> streams,
                          @JsonProperty("epoch") long epoch, @JsonProperty("from_sequence") long fromSequence,
                          @JsonProperty("replayed") int replayed) {
    }

    /** The requested sequence is outside the retention window: a fresh snapshot follows. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Resync(@JsonProperty("type") String type, @JsonProperty("ref") String ref,
                         @JsonProperty("account") String account, @JsonProperty("reason") String reason,
                         @JsonProperty("epoch") long epoch, @JsonProperty("sequence") long sequence) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Error(@JsonProperty("type") String type, @JsonProperty("code") String code,
                        @JsonProperty("message") String message, @JsonProperty("ref") String ref) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Notice(@JsonProperty("type") String type, @JsonProperty("ref") String ref,
                         @JsonProperty("reason") String reason, @JsonProperty("subject") String subject,
                         @JsonProperty("tenant") String tenant, @JsonProperty("time") String time,
                         @JsonProperty("reconnect") Boolean reconnect) {
    }

    /** The {@code account} stream's snapshot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record AccountState(@JsonProperty("balances") Object balances, @JsonProperty("connection") Object connection) {
    }

    /** One symbol's last value in a market-data snapshot. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LastValue(@JsonProperty("sequence") long sequence, @JsonProperty("payload") Object payload) {
    }
}
