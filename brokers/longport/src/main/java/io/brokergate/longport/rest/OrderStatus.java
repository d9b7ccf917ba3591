package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * Order status. Unknown strings map to {@link #UNKNOWN} rather than failing (longport.md §5).
 */
public enum OrderStatus implements WireEnum {
    NOT_REPORTED("NotReported"),
    REPLACED_NOT_REPORTED("ReplacedNotReported"),
    PROTECTED_NOT_REPORTED("ProtectedNotReported"),
    VARIETIES_NOT_REPORTED("VarietiesNotReported"),
    FILLED("FilledStatus"),
    WAIT_TO_NEW("WaitToNew"),
    NEW("NewStatus"),
    WAIT_TO_REPLACE("WaitToReplace"),
    PENDING_REPLACE("PendingReplaceStatus"),
    REPLACED("ReplacedStatus"),
    PARTIAL_FILLED("PartialFilledStatus"),
    WAIT_TO_CANCEL("WaitToCancel"),
    PENDING_CANCEL("PendingCancelStatus"),
    REJECTED("RejectedStatus"),
    CANCELED("CanceledStatus"),
    EXPIRED("ExpiredStatus"),
    PARTIAL_WITHDRAWAL("PartialWithdrawal"),
    /** Not a value to send; stands for any string this code does not know. */
    UNKNOWN("Unknown");

    private static final Map<String, OrderStatus> BY_WIRE = WireEnum.index(values());

    private final String wire;

    OrderStatus(String wire) {
        this.wire = wire;
    }

    @JsonValue
    @Override
    public String wire() {
        return wire;
    }

    /**
     * No further change can happen. PartialWithdrawal is a partly filled order whose rest was
     * cancelled, so it is final too.
     */
    public boolean isFinal() {
        return switch (this) {
            case FILLED, REJECTED, CANCELED, EXPIRED, PARTIAL_WITHDRAWAL -> true;
            default -> false;
        };
    }

    @JsonCreator
    public static OrderStatus fromWire(String wire) {
        return WireEnum.lookup(BY_WIRE, wire, UNKNOWN);
    }
}
