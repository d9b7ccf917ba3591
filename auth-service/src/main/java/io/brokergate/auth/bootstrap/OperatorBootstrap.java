package io.brokergate.auth.bootstrap;

import io.agroal.api.AgroalDataSource;
import io.brokergate.auth.audit.AuditLog;
import io.brokergate.auth.oauth.ClientStore;
import io.brokergate.auth.tenants.StoreException;
import io.brokergate.auth.tenants.TenantStore;
import io.brokergate.auth.users.User;
import io.brokergate.auth.users.UserStore;
import io.brokergate.core.account.Tenant;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Creates the first platform operator — a tenant of its own, the user (scopes {@code platform admin}) and the public
 * OAuth client operators sign in with — when auth-service starts with {@link BootstrapConfig} settings and no user
 * holds {@code platform}. Once an operator exists the settings are ignored: a restart with another password changes
 * nothing.
 *
 * <p>Several pods starting at once against one database create it once: everything happens in one transaction, and
 * the unique tenant name (and login, and client id) makes a concurrent second transaction fail at its first insert,
 * after which it looks again and finds the first one's operator.
 */
@ApplicationScoped
public class OperatorBootstrap {

    static final String ACTOR = "bootstrap";
    private static final Logger LOG = Logger.getLogger(OperatorBootstrap.class);
    private static final int ATTEMPTS = 5;

    /** What a call did. */
    public enum Outcome { CREATED, EXISTS }

    private final BootstrapConfig config;
    private final AgroalDataSource db;
    private final TenantStore tenants;
    private final UserStore users;
    private final ClientStore clients;
    private final AuditLog audit;

    public OperatorBootstrap(BootstrapConfig config, AgroalDataSource db, TenantStore tenants, UserStore users,
                             ClientStore clients, AuditLog audit) {
        this.config = config;
        this.db = db;
        this.tenants = tenants;
        this.users = users;
        this.clients = clients;
        this.audit = audit;
    }

    void onStart(@Observes StartupEvent event) {
        OperatorSettings.from(config).ifPresent(this::ensureOperator);
    }

    /**
     * Creates the operator unless a user holding {@code platform} exists.
     *
     * @throws IllegalStateException when the tenant name, login or client id is taken by something else
     */
    public Outcome ensureOperator(OperatorSettings settings) {
        for (int attempt = 1; ; attempt++) {
            Attempt result;
            try {
                result = QuarkusTransaction.requiringNew().call(() -> createUnlessPresent(settings));
            } catch (RuntimeException e) {
                // Another instance is creating it at this moment (it holds a unique key), or the database hiccupped.
                if (!causedBy(e, StoreException.class) || attempt == ATTEMPTS) {
                    throw new IllegalStateException("cannot bootstrap the platform operator: " + e.getMessage(), e);
                }
                LOG.debugf("operator bootstrap attempt %d failed (%s); looking again", attempt, e.getMessage());
                pause(attempt);
                continue;
            }
            if (!result.taken().isEmpty()) {
                throw new IllegalStateException("cannot bootstrap the platform operator: " + String.join("; ", result.taken()));
            }
            if (result.outcome() == Outcome.CREATED) {
                LOG.infof("Created the first platform operator '%s' in tenant '%s'; operators sign in through OAuth client '%s'",
                        settings.login(), settings.tenantName(), settings.clientId());
            }
            return result.outcome();
        }
    }

    /** One transaction's result; {@code taken} lists the settings that collide with rows that are not an operator's. */
    private record Attempt(Outcome outcome, List<String> taken) {
    }

    private Attempt createUnlessPresent(OperatorSettings settings) {
        Optional<String> holder = platformHolder();
        if (holder.isPresent()) {
            LOG.infof("A platform operator exists ('%s'): the brokergate.auth.bootstrap settings are left unused", holder.get());
            return new Attempt(Outcome.EXISTS, List.of());
        }
        List<String> taken = taken(settings);
        if (!taken.isEmpty()) {
            // Committed by another instance between the two looks, or really someone else's: only an administrator can tell.
            return new Attempt(Outcome.EXISTS, platformHolder().isPresent() ? List.of() : taken);
        }
        Tenant tenant = tenants.create(settings.tenantName());
        User user = users.create(tenant.id(), settings.login(), settings.password(), ClientStore.OPERATOR_SCOPES);
        clients.createOperatorClient(tenant.id(), settings.clientId(), settings.redirectUris());
        audit.record(tenant.id(), ACTOR, "operator.bootstrap", AuditLog.Outcome.SUCCESS, "platform operator user " + user.id()
                + " (login " + user.login() + ") in tenant " + tenant.id() + ", OAuth client " + settings.clientId(), null);
        return new Attempt(Outcome.CREATED, List.of());
    }

    /** Settings that collide with existing rows which are not an operator's: only an administrator can resolve them. */
    private List<String> taken(OperatorSettings settings) {
        List<String> taken = new ArrayList<>();
        if (tenants.findByName(settings.tenantName()).isPresent()) {
            taken.add("a tenant named '" + settings.tenantName() + "' exists (" + OperatorSettings.PREFIX + "operator-tenant)");
        }
        if (users.findByLogin(settings.login()).isPresent()) {
            taken.add("the login '" + settings.login() + "' is taken (" + OperatorSettings.PREFIX + "operator-username)");
        }
        if (clients.find(settings.clientId()).isPresent()) {
            taken.add("an OAuth client '" + settings.clientId() + "' exists (" + OperatorSettings.PREFIX + "operator-client-id)");
        }
        return taken;
    }

    /** The login of a user holding {@code platform}, enabled or not. */
    private Optional<String> platformHolder() {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT login FROM users WHERE ' ' || scopes || ' ' LIKE '% platform %' ORDER BY created_at")) {
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look for a platform operator", e);
        }
    }

    private static boolean causedBy(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    private static void pause(int attempt) {
        try {
            Thread.sleep(100L * attempt);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while bootstrapping the platform operator", e);
        }
    }
}
