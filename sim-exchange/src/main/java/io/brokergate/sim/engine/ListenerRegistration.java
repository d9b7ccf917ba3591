package io.brokergate.sim.engine;

/** A registered {@link SimEventListener}; closing it stops delivery (events already queued are dropped). */
public interface ListenerRegistration extends AutoCloseable {

    /** Market-data events dropped because this listener fell behind. */
    long droppedEvents();

    /** Events waiting in this listener's mailbox. */
    int pendingEvents();

    @Override
    void close();
}
