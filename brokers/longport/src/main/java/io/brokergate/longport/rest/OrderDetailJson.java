package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.util.List;

import static io.brokergate.longport.rest.JsonValues.orEmpty;

/**
 * {@code GET /v1/trade/order?order_id=} data (longport.md §1.6): every {@link OrderJson} key at
 * the top level (unwrapped, not nested), plus fee, deduction, history and charge detail keys.
 * free_status is None/Calculated/Pending/Ready; deductions_status NONE/NO_DATA/PENDING/DONE.
 */
public record OrderDetailJson(
        @JsonUnwrapped OrderJson order,
        @JsonProperty("free_status") String freeStatus,
        @JsonProperty("free_amount") String freeAmount,
        @JsonProperty("free_currency") String freeCurrency,
        @JsonProperty("deductions_status") String deductionsStatus,
        @JsonProperty("deductions_amount") String deductionsAmount,
        @JsonProperty("deductions_currency") String deductionsCurrency,
        @JsonProperty("platform_deducted_status") String platformDeductedStatus,
        @JsonProperty("platform_deducted_amount") String platformDeductedAmount,
        @JsonProperty("platform_deducted_currency") String platformDeductedCurrency,
        @JsonProperty("history") List<History> history,
        @JsonProperty("charge_detail") ChargeDetail chargeDetail) {

    public OrderDetailJson {
        freeStatus = orEmpty(freeStatus);
        freeAmount = orEmpty(freeAmount);
        freeCurrency = orEmpty(freeCurrency);
        deductionsStatus = orEmpty(deductionsStatus);
        deductionsAmount = orEmpty(deductionsAmount);
        deductionsCurrency = orEmpty(deductionsCurrency);
        platformDeductedStatus = orEmpty(platformDeductedStatus);
        platformDeductedAmount = orEmpty(platformDeductedAmount);
        platformDeductedCurrency = orEmpty(platformDeductedCurrency);
        history = orEmpty(history);
        chargeDetail = chargeDetail == null ? new ChargeDetail("0", "", List.of()) : chargeDetail;
    }

    /** One state change of the order; {@code time} is Unix seconds as a string. */
    public record History(
            @JsonProperty("price") String price,
            @JsonProperty("quantity") String quantity,
            @JsonProperty("status") String status,
            @JsonProperty("msg") String msg,
            @JsonProperty("time") String time) {
        public History {
            price = orEmpty(price);
            quantity = orEmpty(quantity);
            status = orEmpty(status);
            msg = orEmpty(msg);
            time = orEmpty(time);
        }
    }

    public record ChargeDetail(
            @JsonProperty("total_amount") String totalAmount,
            @JsonProperty("currency") String currency,
            @JsonProperty("items") List<ChargeItem> items) {
        public ChargeDetail {
            totalAmount = orEmpty(totalAmount);
            currency = orEmpty(currency);
            items = orEmpty(items);
        }
    }

    /** {@code code} is BROKER_FEES or THIRD_FEES. */
    public record ChargeItem(
            @JsonProperty("code") String code,
            @JsonProperty("name") String name,
            @JsonProperty("fees") List<ChargeFee> fees) {
        public ChargeItem {
            code = orEmpty(code);
            name = orEmpty(name);
            fees = orEmpty(fees);
        }
    }

    public record ChargeFee(
            @JsonProperty("code") String code,
            @JsonProperty("name") String name,
            @JsonProperty("amount") String amount,
            @JsonProperty("currency") String currency) {
        public ChargeFee {
            code = orEmpty(code);
            name = orEmpty(name);
            amount = orEmpty(amount);
            currency = orEmpty(currency);
        }
    }
}
