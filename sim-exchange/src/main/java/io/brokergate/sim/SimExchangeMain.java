package io.brokergate.sim;

import io.brokergate.sim.server.LongPortLimits;
import io.brokergate.sim.server.PaperAccountSpec;
import io.brokergate.sim.server.PaperCredentials;
import io.brokergate.sim.server.SimExchangeServer;
import io.brokergate.sim.server.SimServerSettings;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Runs the sim-exchange on its own:
 * {@code java -jar brokergate-sim-exchange-*-standalone.jar [--host 0.0.0.0] [--port 8081] [--seed N]
 * [--trade-calls 30] [--trade-window 30s] [--trade-min-spacing 20ms]} (or env {@code SIM_HOST}, {@code SIM_PORT},
 * {@code SIM_SEED}, {@code SIM_TRADE_CALLS}, …; flags win). The trade options relax LongPort's trade rule,
 * which the exchange keeps by default, for load tests. Creates one demo paper
 * account and logs its LongPort credentials and URLs; stops gracefully on SIGTERM / Ctrl-C.
 */
public final class SimExchangeMain {

    private static final Logger LOG = Logger.getLogger(SimExchangeMain.class);
    private static final String USAGE = "usage: java -jar brokergate-sim-exchange-standalone.jar [--host H] [--port P] "
            + "[--seed N] [--trade-calls N] [--trade-window 30s] [--trade-min-spacing 20ms]";
    /** Command-line options; each also reads {@code SIM_<OPTION>} from the environment (e.g. SIM_TRADE_CALLS). */
    private static final List<String> OPTIONS = List.of("host", "port", "seed", "trade-calls", "trade-window",
            "trade-min-spacing");

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
            LOG.errorf("%s%n%s", e.getMessage(), USAGE);
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
        Map<String, String> values = new HashMap<>();
        for (String option : OPTIONS) {
            String fromEnv = env.apply("SIM_" + option.toUpperCase(Locale.ROOT).replace('-', '_'));
            if (fromEnv != null && !fromEnv.isBlank()) {
                values.put(option, fromEnv.trim());
            }
        }
        for (int i = 0; i < args.length; i++) {
            String flag = args[i];
            if (!flag.startsWith("--") || !OPTIONS.contains(flag.substring(2))) {
                throw new IllegalArgumentException("unknown option " + flag);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value after " + flag);
            }
            values.put(flag.substring(2), args[++i].trim());
        }
        SimServerSettings s = SimServerSettings.defaults();
        try {
            if (values.containsKey("host")) {
                s = s.withHost(values.get("host"));
            }
            if (values.containsKey("port")) {
                s = s.withPort(Integer.parseInt(values.get("port")));
            }
            if (values.containsKey("seed")) {
                s = s.withSeed(Long.parseLong(values.get("seed")));
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("port and seed must be numbers: " + e.getMessage());
        }
        return s.withLimits(tradeLimits(s.limits(), values));
    }

    /** LongPort's trade rule unless {@code --trade-calls}, {@code --trade-window} or {@code --trade-min-spacing} change it. */
    private static LongPortLimits tradeLimits(LongPortLimits limits, Map<String, String> values) {
        int calls = limits.tradeCallsPerWindow();
        if (values.containsKey("trade-calls")) {
            try {
                calls = Integer.parseInt(values.get("trade-calls"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("trade-calls must be a number: " + values.get("trade-calls"));
            }
        }
        Duration window = values.containsKey("trade-window") ? duration("trade-window", values.get("trade-window"))
                : limits.tradeWindow();
        Duration spacing = values.containsKey("trade-min-spacing")
                ? duration("trade-min-spacing", values.get("trade-min-spacing")) : limits.tradeMinSpacing();
        return limits.withTradeCalls(calls, window).withTradeMinSpacing(spacing);
    }

    /** {@code 30s}, {@code 20ms}, {@code 0} or ISO-8601 ({@code PT30S}). */
    static Duration duration(String option, String value) {
        try {
            if (value.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            }
            if (value.endsWith("s") && !value.startsWith("P")) {
                return Duration.ofSeconds(Long.parseLong(value.substring(0, value.length() - 1)));
            }
            return value.equals("0") ? Duration.ZERO : Duration.parse(value);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(option + " must be a duration such as 30s or 20ms, not " + value);
        }
    }

    private static String hex(SecureRandom random, int bytes) {
        byte[] b = new byte[bytes];
        random.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
