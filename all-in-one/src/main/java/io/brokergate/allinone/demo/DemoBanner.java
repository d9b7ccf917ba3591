package io.brokergate.allinone.demo;

import io.brokergate.core.account.Account;
import java.util.List;

/** The "how to use it" text printed at start. */
record DemoBanner(String login, String generatedPassword, List<Account> paperAccounts, String paperHttpUrl, String paperAdminUrl) {

    String render() {
        StringBuilder b = new StringBuilder(512);
        b.append("\n\n  Brokergate is running (all-in-one).\n");
        b.append("    health:          http://localhost:8080/q/health\n");
        b.append("    metrics:         http://localhost:8080/q/metrics\n");
        b.append("    paper exchange:  ").append(paperHttpUrl).append("  (LongPort REST + WebSocket)\n");
        b.append("    paper accounts:  ").append(paperAdminUrl).append("/accounts  (LongPort app key, secret, token)\n");
        b.append("  Demo user: ").append(login);
        if (generatedPassword != null) {
            b.append("  password: ").append(generatedPassword)
                    .append("  (shown once; set BROKERGATE_DEMO_PASSWORD to choose your own)");
        }
        b.append('\n');
        for (Account a : paperAccounts) {
            b.append("  Paper account ").append(a.brokerAccountNo()).append(" (").append(a.name()).append(")\n");
        }
        return b.toString();
    }
}
