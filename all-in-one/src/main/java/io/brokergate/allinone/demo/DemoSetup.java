package io.brokergate.allinone.demo;

import io.brokergate.allinone.paper.PaperExchange;
import io.brokergate.auth.accounts.AccountStore;
import io.brokergate.auth.connections.BrokerConnection;
import io.brokergate.auth.connections.BrokerConnectionStore;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.users.UserStore;
import io.brokergate.core.account.Account;
import io.brokergate.core.account.AccountKind;
import io.brokergate.core.account.Tenant;
import io.brokergate.core.capability.BrokerId;
import io.brokergate.core.spi.BrokerCredentials;
import io.brokergate.sim.server.PaperAccountSpec;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.math.BigDecimal;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * First start: a demo tenant, a demo user and a funded paper account. Every start: the paper
 * accounts stored in the database are registered again with the in-process exchange (which keeps
 * its books in memory), so stored LongPort credentials keep working after a restart.
 */
@ApplicationScoped
public class DemoSetup {

    public static final String DEMO_TENANT = "demo";
    static final Set<String> DEMO_SCOPES = Set.of("quotes:read", "accounts:read", "trade", "admin");
    static final Map<String, BigDecimal> FUNDING = Map.of(
            "HKD", new BigDecimal("1000000"), "USD", new BigDecimal("200000"), "CNY", new BigDecimal("1000000"));

    private static final Logger LOG = Logger.getLogger(DemoSetup.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DemoConfig config;
    private final PaperExchange paper;
    private final TenantStore tenants;
    private final UserStore users;
    private final BrokerConnectionStore connections;
    private final AccountStore accounts;

    public DemoSetup(DemoConfig config, PaperExchange paper, TenantStore tenants, UserStore users,
                     BrokerConnectionStore connections, AccountStore accounts) {
        this.config = config;
        this.paper = paper;
        this.tenants = tenants;
        this.users = users;
        this.connections = connections;
        this.accounts = accounts;
    }

    void onStart(@Observes @Priority(PaperExchange.START_PRIORITY + 10) StartupEvent event) {
        if (!paper.isRunning()) {
            return;
        }
        String generatedPassword = config.enabled() ? seedOrUpdateDemo() : null;
        List<Account> restored = restorePaperAccounts();
        LOG.info(new DemoBanner(config.login(), generatedPassword, restored, paper.endpoints().get("http"), paper.adminUrl()).render());
    }

    /** Returns the generated password when one was created, else null. */
    private String seedOrUpdateDemo() {
        Tenant existing = tenants.findByName(DEMO_TENANT).orElse(null);
        if (existing != null) {
            config.password().ifPresent(pw -> users.findByLogin(config.login())
                    .ifPresent(u -> users.setPassword(u.id(), pw)));
            return null;
        }
        String password = config.password().orElseGet(() -> randomToken(12));
        Tenant tenant = tenants.create(DEMO_TENANT);
        users.create(tenant.id(), config.login(), password, DEMO_SCOPES);
        String accountNo = "PA" + (10_000_000 + RANDOM.nextInt(90_000_000));
        Map<String, String> secrets = Map.of(
                "account_no", accountNo,
                "app_key", HexFormat.of().formatHex(randomBytes(16)),
                "app_secret", HexFormat.of().formatHex(randomBytes(32)),
                "access_token", randomToken(48));
        // Paper endpoints are resolved at run time from the in-process exchange, so none are stored.
        BrokerConnection bc = connections.create(tenant.id(), BrokerId.PAPER, "Paper exchange", secrets, Map.of());
        accounts.create(tenant.id(), bc.id(), BrokerId.PAPER, accountNo, "Demo paper account", "HKD", AccountKind.PAPER);
        return config.password().isPresent() ? null : password;
    }

    private List<Account> restorePaperAccounts() {
        List<Account> paperAccounts = accounts.listAll().stream().filter(a -> a.kind() == AccountKind.PAPER).toList();
        for (Account a : paperAccounts) {
            BrokerCredentials creds = connections.credentials(a.connectionId()).orElseThrow();
            paper.register(new PaperAccountSpec(a.brokerAccountNo(), a.name(), creds.require("app_key"),
                    creds.require("app_secret"), creds.require("access_token"), FUNDING));
        }
        return paperAccounts;
    }

    private static byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    private static String randomToken(int bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes(bytes));
    }
}
