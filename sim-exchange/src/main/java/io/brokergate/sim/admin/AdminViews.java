package io.brokergate.sim.admin;

import io.brokergate.sim.server.AccountStats;
import io.brokergate.sim.server.PaperCredentials;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** JSON shapes of the admin API (written with snake_case keys). */
final class AdminViews {

    private AdminViews() {
    }

    record Accounts(List<PaperCredentials> accounts) {
    }

    /** Body of {@code POST /admin/accounts}; every field optional. */
    record NewAccount(String accountNo, String name, Map<String, BigDecimal> funding) {
    }

    /** Optional body of {@code POST /admin/accounts/{accountNo}/reset}. */
    record ResetBody(Map<String, BigDecimal> funding) {
    }

    record Reset(String accountNo, boolean reset) {
    }

    /** One order as the admin API lists it; {@code remark} carries the client order id. */
    record Order(String orderId, String remark, String symbol, String side, String type, String status, String quantity,
                 String executedQuantity, String createdAt) {
    }

    record Orders(String accountNo, List<Order> orders) {
    }

    record Dropped(String accountNo, String mode, String socket, int dropped) {
    }

    record Pushes(boolean pausedAll, Set<String> pausedAccounts) {
    }

    record Latency(Long millis) {
    }

    record Price(String price) {
    }

    record PriceMoved(String symbol, String price) {
    }

    record Instrument(String symbol, String name, String type, String market, String currency, String lotSize,
                      boolean tradable, String last, String bid, String ask, String prevClose, long volume) {
    }

    record Instruments(List<Instrument> instruments) {
    }

    record Stats(int liveSockets, long latencyMillis, boolean pushesPausedAll, Set<String> pausedAccounts,
                 Map<String, AccountStats> accounts) {
    }

    record Error(String error, int status) {
    }
}
