package io.brokergate.sim.engine;

/** Trigger of a stop or if-touched order (LongPort's {@code trigger_status}). */
public enum TriggerState {
    /** The order type has no trigger. */
    NONE,
    /** Waiting for the price to reach the trigger. */
    WAITING,
    /** Fired; the order now works as a market or limit order. */
    TRIGGERED
}
