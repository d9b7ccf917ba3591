package io.brokergate.quote.tradingview;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.util.List;

/** TradingView's response shapes (tradingview-broker-api.yaml); names fixed so no naming strategy can change them. */
public final class TvResponses {

    private TvResponses() {
    }

    public record Quotes(@JsonProperty("s") String s, @JsonProperty("d") List<QuoteItem> d) {
    }

    public record QuoteItem(@JsonProperty("s") String s, @JsonProperty("n") String n, @JsonProperty("v") QuoteValues v) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record QuoteValues(@JsonProperty("ask") BigDecimal ask, @JsonProperty("bid") BigDecimal bid,
                       @JsonProperty("halted") Boolean halted) {
    }

    public record Depth(@JsonProperty("s") String s, @JsonProperty("d") Book d) {
    }

    /** Both sides sorted by price ascending; each level is {@code [price, volume]}. */
    public record Book(@JsonProperty("asks") List<List<BigDecimal>> asks, @JsonProperty("bids") List<List<BigDecimal>> bids) {
    }

    public record History(@JsonProperty("s") String s, @JsonProperty("t") List<Long> t, @JsonProperty("o") List<BigDecimal> o,
                   @JsonProperty("h") List<BigDecimal> h, @JsonProperty("l") List<BigDecimal> l,
                   @JsonProperty("c") List<BigDecimal> c, @JsonProperty("v") List<Long> v) {
    }

    public record Groups(@JsonProperty("s") String s, @JsonProperty("d") GroupList d) {
    }

    public record GroupList(@JsonProperty("groups") List<Group> groups) {
    }

    public record Group(@JsonProperty("id") String id) {
    }

    public record Permissions(@JsonProperty("s") String s, @JsonProperty("d") PermissionGroups d) {
    }

    public record PermissionGroups(@JsonProperty("groups") List<String> groups) {
    }

    public record Mapping(@JsonProperty("symbols") List<SymbolMapping> symbols, @JsonProperty("fields") List<String> fields) {
    }

    public record SymbolMapping(@JsonProperty("f") List<String> f, @JsonProperty("s") String s) {
    }
}
