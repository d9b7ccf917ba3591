package io.brokergate.stream.fanout;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The last N account events of one account (one epoch), for resume. Entries older than the age
 * limit count as gone even while still in the array, so the window is "N events or T, whichever
 * is shorter". Not thread-safe: its account feed guards it.
 */
final class RetentionRing {

    record Retained(long sequence, StreamKind stream, Frame frame, long atNanos) {
    }

    private final Retained[] slots;
    private final long maxAgeNanos;
    private int start;
    private int size;

    RetentionRing(int capacity, long maxAgeNanos) {
        this.slots = new Retained[Math.max(1, capacity)];
        this.maxAgeNanos = maxAgeNanos;
    }

    void add(Retained r) {
        if (size < slots.length) {
            slots[(start + size) % slots.length] = r;
            size++;
        } else {
            slots[start] = r;
            start = (start + 1) % slots.length;
        }
    }

    void clear() {
        java.util.Arrays.fill(slots, null);
        start = 0;
        size = 0;
    }

    /**
     * Events from {@code fromSequence} on for the given streams, or null when that sequence is no
     * longer (or was never) retained.
     */
    List<Retained> since(long fromSequence, Set<StreamKind> streams, long nowNanos) {
        boolean sawUsable = false;
        List<Retained> out = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            Retained r = slots[(start + i) % slots.length];
            if (nowNanos - r.atNanos() > maxAgeNanos) {
                continue;
            }
            if (!sawUsable) {
                sawUsable = true;
                if (r.sequence() > fromSequence) {
                    return null; // the oldest usable entry is already past what the client needs
                }
            }
            if (r.sequence() >= fromSequence && streams.contains(r.stream())) {
                out.add(r);
            }
        }
        return sawUsable ? out : null;
    }
}
