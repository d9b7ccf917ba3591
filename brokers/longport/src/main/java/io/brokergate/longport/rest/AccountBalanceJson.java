package io.brokergate.longport.rest;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

import static io.brokergate.longport.rest.JsonValues.orEmpty;

/**
 * One entry of {@code GET /v1/asset/account} (data is {@code {list:[...]}}, see
 * {@link AccountBalanceResponse}). risk_level is a string "0" (safe) .. "3" (danger).
 */
public record AccountBalanceJson(
        @JsonProperty("total_cash") String totalCash,
        @JsonProperty("max_finance_amount") String maxFinanceAmount,
        @JsonProperty("remaining_finance_amount") String remainingFinanceAmount,
        @JsonProperty("risk_level") String riskLevel,
        @JsonProperty("margin_call") String marginCall,
        @JsonProperty("currency") String currency,
        @JsonProperty("cash_infos") List<CashInfo> cashInfos,
        @JsonProperty("net_assets") String netAssets,
        @JsonProperty("init_margin") String initMargin,
        @JsonProperty("maintenance_margin") String maintenanceMargin,
        @JsonProperty("buy_power") String buyPower,
        @JsonProperty("frozen_transaction_fees") List<FrozenFee> frozenTransactionFees) {

    public AccountBalanceJson {
        totalCash = orEmpty(totalCash);
        maxFinanceAmount = orEmpty(maxFinanceAmount);
        remainingFinanceAmount = orEmpty(remainingFinanceAmount);
        riskLevel = orEmpty(riskLevel);
        marginCall = orEmpty(marginCall);
        currency = orEmpty(currency);
        cashInfos = orEmpty(cashInfos);
        netAssets = orEmpty(netAssets);
        initMargin = orEmpty(initMargin);
        maintenanceMargin = orEmpty(maintenanceMargin);
        buyPower = orEmpty(buyPower);
        frozenTransactionFees = orEmpty(frozenTransactionFees);
    }

    public record CashInfo(
            @JsonProperty("withdraw_cash") String withdrawCash,
            @JsonProperty("available_cash") String availableCash,
            @JsonProperty("frozen_cash") String frozenCash,
            @JsonProperty("settling_cash") String settlingCash,
            @JsonProperty("currency") String currency) {
        public CashInfo {
            withdrawCash = orEmpty(withdrawCash);
            availableCash = orEmpty(availableCash);
            frozenCash = orEmpty(frozenCash);
            settlingCash = orEmpty(settlingCash);
            currency = orEmpty(currency);
        }
    }

    public record FrozenFee(
            @JsonProperty("currency") String currency,
            @JsonProperty("frozen_transaction_fee") String frozenTransactionFee) {
        public FrozenFee {
            currency = orEmpty(currency);
            frozenTransactionFee = orEmpty(frozenTransactionFee);
        }
    }
}
