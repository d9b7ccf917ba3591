package io.brokergate.bench.cluster;

import io.vertx.core.json.JsonObject;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * Quote pushes a client read, per account: the last arrival (are pushes flowing?) and, while a
 * failover is measured, every arrival with the moment its tick was sent.
 */
final class QuoteArrivals implements PodClient.Listener {

    private record Arrival(String account, long sentNanos, long receivedNanos) {
    }

    private final PaperMarket market;
    private final Map<String, Long> lastReceived = new ConcurrentHashMap<>();
    private final ConcurrentLinkedQueue<Arrival> recorded = new ConcurrentLinkedQueue<>();
    private volatile boolean recording;

    QuoteArrivals(PaperMarket market) {
        this.market = market;
    }

    @Override
    public void event(String account, String stream, JsonObject payload, long receivedNanos) {
        if (!"quotes".equals(stream) || payload == null || payload.getValue("last") == null) {
            return;
        }
        lastReceived.put(account, receivedNanos);
        if (recording) {
            long cents = Math.round(Double.parseDouble(payload.getValue("last").toString()) * 100);
            recorded.add(new Arrival(account, market.sentAt(cents), receivedNanos));
        }
    }

    /** Accounts in {@code accounts} without a push within {@code withinNanos}. */
    java.util.List<String> silent(java.util.Collection<String> accounts, long withinNanos) {
        long now = System.nanoTime();
        return accounts.stream().filter(a -> lastReceived.get(a) == null || now - lastReceived.get(a) > withinNanos).toList();
    }

    /** True when every account in {@code accounts} had a push within {@code withinNanos}. */
    boolean flowing(Iterable<String> accounts, long withinNanos) {
        long now = System.nanoTime();
        for (String a : accounts) {
            Long last = lastReceived.get(a);
            if (last == null || now - last > withinNanos) {
                return false;
            }
        }
        return true;
    }

    void startRecording() {
        recorded.clear();
        recording = true;
    }

    void stopRecording() {
        recording = false;
    }

    /** When the client first read a push of {@code account} whose tick was sent after {@code afterNanos}. */
    OptionalLong firstPushOfTickAfter(String account, long afterNanos) {
        return recorded.stream().filter(a -> a.account().equals(account) && a.sentNanos() > afterNanos)
                .mapToLong(Arrival::receivedNanos).min();
    }
}
