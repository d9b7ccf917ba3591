package io.brokergate.sim;

import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs the sim-exchange on its own:
 * {@code java -jar brokergate-sim-exchange-*-standalone.jar [--host 0.0.0.0] [--port 8081] [--seed N]}
 * (or env {@code SIM_HOST}, {@code SIM_PORT}, {@code SIM_SEED}; flags win). Creates one demo paper
 * account and logs its LongPort credentials and URLs; stops gracefully on SIGTERM / Ctrl-C.
 */
public final class SimExchangeMain {

    private static final Logger LOG = Logger.getLogger(SimExchangeMain.class);

    private SimExchangeMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        // One line per record for the JDK logger that jboss-logging falls back to without a log manager.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%1$tF %1$tT %4$-7s [%3$s] %5$s%6$s%n");
        }
        SimServerSettings settings;
        try {
            settings = settings(args, System::getenv);
        } catch (IllegalArgumentException e) {
            LOG.errorf("%s%nusage: java -jar brokergate-sim-exchange-standalone.jar [--host H] [--port P] [--seed N]",
                    e.getMessage());
            System.exit(2);
            return;
        }
        SimExchangeServer server = SimExchangeServer.start(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "sim-exchange-shutdown"));

        SecureRandom random = new SecureRandom();
        PaperCredentials demo = server.registerAccount(new PaperAccountSpec("PA00000001", "Demo paper account",
                hex(random, 16), hex(random, 32), hex(random, 24), Map.of()));
        LOG.infof("demo paper account %s%n  LONGPORT_APP_KEY=%s%n  LONGPORT_APP_SECRET=%s%n  LONGPORT_ACCESS_TOKEN=%s%n"
                        + "  LONGPORT_HTTP_URL=%s%n  LONGPORT_QUOTE_WS_URL=%s%n  LONGPORT_TRADE_WS_URL=%s%n"
                        + "  admin API: %s/admin (GET /admin/accounts lists every account's credentials)",
                demo.accountNo(), demo.appKey(), demo.appSecret(), demo.accessToken(), demo.httpUrl(), demo.quoteWsUrl(),
                demo.tradeWsUrl(), demo.httpUrl());
        stopped.await();
    }

    /** Flags first, then environment, then defaults. */
    public static SimServerSettings settings(String[] args, Function<String, String> env) {
        SimServerSettings s = SimServerSettings.defaults();
        String host = env.apply("SIM_HOST");
        String port = env.apply("SIM_PORT");
        String seed = env.apply("SIM_SEED");
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            String value = args[++i];
            switch (flag) {
                case "--host" -> host = value;
                case "--port" -> port = value;
                case "--seed" -> seed = value;
                default -> throw new IllegalArgumentException("unknown option " + flag);
            }
        }
        try {
            if (host != null && !host.isBlank()) {
                s = s.withHost(host.trim());
            }
            if (port != null && !port.isBlank()) {
                s = s.withPort(Integer.parseInt(port.trim()));
            }
            if (seed != null && !seed.isBlank()) {
                s = s.withSeed(Long.parseLong(seed.trim()));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port and seed must be numbers: " + e.getMessage());
        }
        return s;
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
