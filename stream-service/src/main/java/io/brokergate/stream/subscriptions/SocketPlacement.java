package io.brokergate.stream.subscriptions;

/** Where an account's broker socket is, as seen from this pod. */
@FunctionalInterface
interface SocketPlacement {

    enum Place {
        /** Owned here, session open: the owner's answer to a subscription can be awaited. */
        LOCAL_OPEN,
        /** Owned here, session not open (yet): no subscription can be made now. */
        LOCAL_NOT_OPEN,
        /** Not owned here; another pod may own it (cluster): its owner subscribes from the intent. */
        REMOTE,
        /** Owned nowhere. */
        NONE
    }

    Place of(String accountId);
}
