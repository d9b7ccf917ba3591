package io.brokergate.longport.quotes;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import io.brokergate.core.error.ErrorCode;
import io.brokergate.core.error.GatewayException;
import io.brokergate.core.instrument.InstrumentId;
import io.brokergate.core.limits.OutboundCategory;
import io.brokergate.core.limits.OutboundGovernor;
import io.brokergate.core.market.Quote;
import io.brokergate.core.spi.ConnectionState;
import io.brokergate.core.spi.SubscriptionKind;
import io.brokergate.longport.mapping.BrokerErrors;
import io.brokergate.longport.mapping.QuoteMessages;
import io.brokergate.longport.mapping.Symbols;
import io.brokergate.longport.proto.MultiSecurityRequest;
import io.brokergate.longport.proto.PushDepth;
import io.brokergate.longport.proto.PushQuote;
import io.brokergate.longport.proto.PushQuoteTag;
import io.brokergate.longport.proto.PushTrade;
import io.brokergate.longport.proto.SecurityQuote;
import io.brokergate.longport.proto.SecurityQuoteResponse;
import io.brokergate.longport.proto.SubType;
import io.brokergate.longport.proto.SubscribeRequest;
import io.brokergate.longport.proto.UnsubscribeRequest;
import io.brokergate.longport.proto.UserQuoteProfileRequest;
import io.brokergate.longport.proto.UserQuoteProfileResponse;
import io.brokergate.longport.session.ListenerSet;
import io.brokergate.longport.session.SocketLink;
import io.brokergate.longport.wire.MalformedPacketException;
import io.brokergate.longport.wire.Packet;
import io.brokergate.longport.wire.Packets;
import io.brokergate.longport.wire.QuoteCommand;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The quote socket of one account: subscriptions (the desired set, capped locally before anything
 * is sent), request/response market-data commands through the account's QUOTE rate-limit lane, and
 * pushes 101/102/104 merged into full quotes and books before they reach listeners. After a
 * reconnect it asks for the quote profile and re-subscribes everything the broker had acknowledged,
 * grouped by kind set, with {@code is_first_push=false}.
 *
 * <p>State is confined to the socket's event loop; listener callbacks run there too.
 */
public final class QuoteStream implements SocketLink.Handler {

    private static final Logger LOG = Logger.getLogger(QuoteStream.class);

    /** Per subscribed symbol; looked up by the wire symbol so a push costs one map lookup. */
    private static final class Feed {
        final InstrumentId id;
        Set<SubscriptionKind> kinds = Set.of();
        Quote quote;
        final DepthBook depth;

        Feed(InstrumentId id, int depthLevels) {
            this.id = id;
            this.depth = new DepthBook(depthLevels);
        }
    }

    private final SocketLink link;
    private final OutboundGovernor governor;
    private final ListenerSet listeners;
    private final String language;
    private final int depthLevels;
    /** What callers asked for, pending requests included: the cap applies here. */
    private final SubscriptionSet desired;
    /** What the broker acknowledged: restored after a reconnect. */
    private final SubscriptionSet active = new SubscriptionSet(Integer.MAX_VALUE);
    private final Map<String, Feed> feeds = new HashMap<>();

    public QuoteStream(Function<SocketLink.Handler, SocketLink> linkFactory, OutboundGovernor governor,
                       ListenerSet listeners, int cap, int depthLevels, String language) {
        this.governor = governor;
        this.listeners = listeners;
        this.language = language;
        this.depthLevels = depthLevels;
        this.desired = new SubscriptionSet(cap);
        this.link = linkFactory.apply(this);
    }

    public SocketLink link() {
        return link;
    }

    public int cap() {
        return desired.cap();
    }

    /**
     * One market-data command through the QUOTE lane: waits for the socket first (connecting it
     * lazily), then for a rate-limit slot, so that a burst is delayed rather than refused.
     */
    public <T extends MessageLite> CompletionStage<T> call(int cmd, MessageLite body, Parser<T> parser) {
        return send(cmd, body, 0).thenApply(r -> parse(parser, r));
    }

    /** A 301606 despite the governor means jitter squeezed calls together: retry through the lane (twice at most). */
    private CompletionStage<Packet.Response> send(int cmd, MessageLite body, int retries) {
        return link.awaitReady()
                .thenCompose(v -> governor.<Packet.Response>submit(OutboundCategory.QUOTE, () -> link.request(cmd, body)))
                .exceptionallyCompose(e -> {
                    GatewayException g = BrokerErrors.unwrap(e);
                    if (retries < 2 && g.code() == ErrorCode.RATE_LIMITED && g.brokerCode() != null) {
                        LOG.debugf("LongPort refused quote cmd %d by rate limit; retrying through the governor", cmd);
                        return send(cmd, body, retries + 1);
                    }
                    return CompletableFuture.failedFuture(g);
                });
    }

    // ------------------------------------------------------------------ subscriptions

    public CompletionStage<Void> subscribe(Set<InstrumentId> ids, Set<SubscriptionKind> kinds) {
        if (ids.isEmpty() || kinds.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        try {
            ids.forEach(Symbols::toWire);
        } catch (GatewayException e) {
            return CompletableFuture.failedFuture(e);
        }
        return link.onContext(() -> {
            Map<InstrumentId, Set<SubscriptionKind>> missing = desired.missing(ids, kinds); // cap check first
            if (missing.isEmpty()) {
                return CompletableFuture.completedFuture(null);
            }
            desired.add(missing);
            refreshFeeds(missing.keySet());
            List<CompletableFuture<Void>> sends = new ArrayList<>();
            SubscriptionSet.groupByKinds(missing).forEach((k, group) ->
                    sends.add(subscribeGroup(group, k).toCompletableFuture()));
            return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        });
    }

    private CompletionStage<Void> subscribeGroup(List<InstrumentId> group, Set<SubscriptionKind> kinds) {
        SubscribeRequest req = subscribeRequest(group, kinds, true);
        Map<InstrumentId, Set<SubscriptionKind>> entries = SubscriptionSet.product(Set.copyOf(group), kinds);
        return link.awaitReady()
                .thenCompose(v -> governor.submit(OutboundCategory.QUOTE, () -> link.request(QuoteCommand.SUBSCRIBE, req)))
                .handle((r, err) -> link.onContext(() -> {
                    if (err != null) {
                        desired.remove(entries); // nothing changes when the broker refuses
                        refreshFeeds(entries.keySet());
                        return CompletableFuture.<Void>failedFuture(BrokerErrors.unwrap(err));
                    }
                    active.add(entries);
                    if (kinds.contains(SubscriptionKind.QUOTE)) {
                        seed(group);
                    }
                    return CompletableFuture.<Void>completedFuture(null);
                }))
                .thenCompose(s -> s);
    }

    public CompletionStage<Void> unsubscribe(Set<InstrumentId> ids, Set<SubscriptionKind> kinds) {
        if (ids.isEmpty() || kinds.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        return link.onContext(() -> {
            Map<InstrumentId, Set<SubscriptionKind>> wanted = SubscriptionSet.product(ids, kinds);
            desired.remove(wanted);
            Map<InstrumentId, Set<SubscriptionKind>> removed = active.remove(wanted);
            refreshFeeds(ids);
            ConnectionState state = link.state();
            if (removed.isEmpty() || state != ConnectionState.CONNECTED && state != ConnectionState.RESTORED) {
                return CompletableFuture.completedFuture(null); // a reconnect restores only what is left
            }
            List<CompletableFuture<Packet.Response>> sends = new ArrayList<>();
            SubscriptionSet.groupByKinds(removed).forEach((k, group) -> sends.add(governor.submit(OutboundCategory.QUOTE,
                    () -> link.request(QuoteCommand.UNSUBSCRIBE, unsubscribeRequest(group, k))).toCompletableFuture()));
            return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
        });
    }

    /** The desired set (what callers asked for), as of now. */
    public CompletionStage<Map<InstrumentId, Set<SubscriptionKind>>> subscriptions() {
        return link.onContext(() -> CompletableFuture.completedFuture(desired.snapshot()));
    }

    /** Keeps one feed per symbol with any kind; drops feeds (and their merged state) of symbols left. */
    private void refreshFeeds(Set<InstrumentId> ids) {
        for (InstrumentId id : ids) {
            Set<SubscriptionKind> kinds = desired.kinds(id);
            String symbol = id.symbol();
            if (kinds.isEmpty()) {
                feeds.remove(symbol);
            } else {
                Feed f = feeds.computeIfAbsent(symbol, s -> new Feed(id, depthLevels));
                f.kinds = Set.copyOf(kinds);
            }
        }
    }

    /** Pushes never carry the previous close: a snapshot supplies it (best effort). */
    private void seed(List<InstrumentId> group) {
        MultiSecurityRequest.Builder req = MultiSecurityRequest.newBuilder();
        group.forEach(id -> req.addSymbol(id.symbol()));
        call(QuoteCommand.QUERY_SECURITY_QUOTE, req.build(), SecurityQuoteResponse.parser())
                .thenAccept(resp -> link.onContext(() -> {
                    for (SecurityQuote q : resp.getSecuQuoteList()) {
                        Feed f = feeds.get(q.getSymbol());
                        if (f != null && f.kinds.contains(SubscriptionKind.QUOTE)) {
                            f.quote = QuoteDelta.seed(f.quote, QuoteMessages.quote(q, f.id));
                            listeners.quote(f.quote);
                        }
                    }
                    return CompletableFuture.completedFuture(null);
                }))
                .exceptionally(e -> {
                    LOG.debugf("LongPort quote snapshot after subscribe failed: %s", e.getMessage());
                    return null;
                });
    }

    // ------------------------------------------------------------------ restore after (re)connect

    @Override
    public CompletionStage<Void> restore(SocketLink l, boolean firstTime) {
        UserQuoteProfileRequest profile = UserQuoteProfileRequest.newBuilder().setLanguage(language).build();
        return governor.submit(OutboundCategory.QUOTE,
                        () -> l.requestDuringRestore(QuoteCommand.QUERY_USER_QUOTE_PROFILE, profile))
                .thenAccept(r -> adoptProfile(parse(UserQuoteProfileResponse.parser(), r)))
                .exceptionally(e -> {
                    LOG.debugf("LongPort quote profile unavailable (%s); keeping documented limits", e.getMessage());
                    return null;
                })
                .thenCompose(v -> l.onContext(this::resubscribe));
    }

    private void adoptProfile(UserQuoteProfileResponse profile) {
        link.onContext(() -> {
            desired.lowerCap(profile.getSubscribeLimit());
            return CompletableFuture.completedFuture(null);
        });
    }

    private CompletionStage<Void> resubscribe() {
        List<CompletableFuture<Void>> sends = new ArrayList<>();
        SubscriptionSet.groupByKinds(active.snapshot()).forEach((k, group) -> sends.add(governor.submit(OutboundCategory.QUOTE,
                        () -> link.requestDuringRestore(QuoteCommand.SUBSCRIBE, subscribeRequest(group, k, false)))
                .<Void>thenApply(r -> null)
                .exceptionally(e -> {
                    GatewayException g = BrokerErrors.unwrap(e);
                    if (g.code() == ErrorCode.INVALID_REQUEST || g.code() == ErrorCode.NOT_FOUND) {
                        LOG.warnf("LongPort no longer accepts %d subscription(s): %s", group.size(), g.getMessage());
                        return null; // the broker refuses these symbols now; the rest must still be restored
                    }
                    throw g;
                }).toCompletableFuture()));
        if (!sends.isEmpty()) {
            LOG.infof("LongPort quote socket: re-subscribing %d symbol(s) in %d request(s)", active.size(), sends.size());
        }
        return CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new));
    }

    // ------------------------------------------------------------------ pushes

    @Override
    public void onPush(Packet.Push push) {
        try {
            switch (push.cmd()) {
                case QuoteCommand.PUSH_QUOTE -> onQuote(PushQuote.parseFrom(push.body()));
                case QuoteCommand.PUSH_DEPTH -> onDepth(PushDepth.parseFrom(push.body()));
                case QuoteCommand.PUSH_TRADE -> onTrade(PushTrade.parseFrom(push.body()));
                default -> {
                    // brokers (103) and anything newer: not part of the gateway's model
                }
            }
        } catch (InvalidProtocolBufferException e) {
            LOG.debugf("LongPort quote push cmd %d unparsable: %s", push.cmd(), e.getMessage());
        }
    }

    private void onQuote(PushQuote p) {
        Feed f = feeds.get(p.getSymbol());
        // Eod revisions only feed the SDK's candle builder; the live quote must not jump back.
        if (f == null || !f.kinds.contains(SubscriptionKind.QUOTE) || p.getTag() == PushQuoteTag.PUSH_QUOTE_TAG_EOD) {
            return;
        }
        f.quote = QuoteDelta.merge(f.quote, p, f.id, f.depth.bestBid(), f.depth.bestAsk());
        listeners.quote(f.quote);
    }

    private void onDepth(PushDepth p) {
        Feed f = feeds.get(p.getSymbol());
        if (f == null || !f.kinds.contains(SubscriptionKind.DEPTH)) {
            return;
        }
        f.depth.apply(p.getAskList(), p.getBidList());
        listeners.depth(f.depth.snapshot(f.id, Instant.now()));
    }

    private void onTrade(PushTrade p) {
        Feed f = feeds.get(p.getSymbol());
        if (f == null || !f.kinds.contains(SubscriptionKind.TRADES) || p.getTradeCount() == 0) {
            return;
        }
        listeners.trades(QuoteMessages.ticks(p.getTradeList(), f.id));
    }

    // ------------------------------------------------------------------ messages

    static SubscribeRequest subscribeRequest(List<InstrumentId> ids, Set<SubscriptionKind> kinds, boolean firstPush) {
        SubscribeRequest.Builder b = SubscribeRequest.newBuilder().setIsFirstPush(firstPush);
        ids.forEach(id -> b.addSymbol(id.symbol()));
        kinds.forEach(k -> b.addSubType(subType(k)));
        return b.build();
    }

    static UnsubscribeRequest unsubscribeRequest(List<InstrumentId> ids, Set<SubscriptionKind> kinds) {
        UnsubscribeRequest.Builder b = UnsubscribeRequest.newBuilder();
        ids.forEach(id -> b.addSymbol(id.symbol()));
        kinds.forEach(k -> b.addSubType(subType(k)));
        return b.build();
    }

    static SubType subType(SubscriptionKind k) {
        return switch (k) {
            case QUOTE -> SubType.SUB_TYPE_QUOTE;
            case DEPTH -> SubType.SUB_TYPE_DEPTH;
            case TRADES -> SubType.SUB_TYPE_TRADE;
        };
    }

    private static <T extends MessageLite> T parse(Parser<T> parser, Packet.Response r) {
        try {
            return Packets.parseBody(parser, r);
        } catch (MalformedPacketException e) {
            throw new GatewayException(ErrorCode.BROKER_REJECTED, "LongPort sent an unreadable answer: " + e.getMessage());
        }
    }
}
