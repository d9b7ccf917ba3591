package io.brokergate.bench.orders;

import io.brokergate.bench.measure.LatencyHistogram;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * The orders of one run and what the gateway answered: for each client order id the HTTP status
 * and the broker's order id of a 201, and the place → acknowledgement latencies of the 201s.
 */
final class Placements {

    /**
     * What became of one order.
     *
     * @param answer  the response body of anything but a 201 (for the report)
     * @param request the request body of anything but a 201 (an unknown outcome is settled by sending it again)
     */
    record Outcome(int status, String orderId, String answer, String request) {
    }

    private final String prefix;
    private final AtomicReferenceArray<Outcome> outcomes;
    private final LatencyHistogram latency = new LatencyHistogram();
    private final LatencyHistogram serviceTime = new LatencyHistogram();
    private final Map<Integer, LongAdder> byStatus = new ConcurrentHashMap<>();
    private final AtomicInteger sent = new AtomicInteger();

    /** @param prefix starts every client order id of the run; unique per run */
    Placements(String prefix, int capacity) {
        this.prefix = prefix;
        this.outcomes = new AtomicReferenceArray<>(capacity);
    }

    String prefix() {
        return prefix;
    }

    int capacity() {
        return outcomes.length();
    }

    String clientOrderId(int seq) {
        return prefix + seq;
    }

    /** Index of a client order id of this run, or -1. */
    int seqOf(String clientOrderId) {
        if (clientOrderId == null || !clientOrderId.startsWith(prefix)) {
            return -1;
        }
        try {
            int seq = Integer.parseInt(clientOrderId.substring(prefix.length()));
            return seq >= 0 && seq < outcomes.length() ? seq : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    void sent() {
        sent.incrementAndGet();
    }

    int sentCount() {
        return sent.get();
    }

    /**
     * @param fromIntended nanoseconds since the order was due (open loop: its slot in the schedule),
     *                     the latency a client sees; coordinated omission is not hidden
     * @param fromSend     nanoseconds since the request was actually written
     */
    void answered(int seq, int status, String orderId, String answer, String request, long fromIntended, long fromSend) {
        outcomes.set(seq, status == 201 ? new Outcome(status, orderId, null, null) : new Outcome(status, orderId, answer, request));
        byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (status == 201) {
            latency.record(fromIntended);
            serviceTime.record(fromSend);
        }
    }

    /** The outcome of an order sent again to learn what became of it; not counted as a placement. */
    void settled(int seq, int status, String orderId) {
        Outcome first = outcomes.get(seq);
        outcomes.set(seq, new Outcome(status, orderId, first == null ? null : first.answer(), first == null ? null : first.request()));
    }

    Outcome outcome(int seq) {
        return outcomes.get(seq);
    }

    LatencyHistogram latency() {
        return latency;
    }

    LatencyHistogram serviceTime() {
        return serviceTime;
    }

    long count(int status) {
        LongAdder a = byStatus.get(status);
        return a == null ? 0 : a.sum();
    }

    /** Answers other than 201 by status (0 = no answer: connection failure). */
    Map<Integer, Long> others() {
        Map<Integer, Long> out = new TreeMap<>();
        byStatus.forEach((status, n) -> {
            if (status != 201) {
                out.put(status, n.sum());
            }
        });
        return out;
    }

    /** One non-201 answer's body, for the report. */
    String firstFailure() {
        for (int i = 0; i < outcomes.length(); i++) {
            Outcome o = outcomes.get(i);
            if (o != null && o.status() != 201) {
                return o.status() + " " + o.answer();
            }
        }
        return null;
    }
}
