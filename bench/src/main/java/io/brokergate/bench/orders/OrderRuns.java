package io.brokergate.bench.orders;

import io.brokergate.bench.measure.LatencyHistogram;
import io.brokergate.bench.process.ServiceProcess;
import io.brokergate.bench.quotes.GatewayClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** The runs of one gateway process, printed as they finish. */
final class OrderRuns {

    static final String HEADER = "| run | offered | placed/s | acked | p50 | p90 | p99 | p99.9 | max | other answers"
            + " | at the exchange | server + exchange cores / client cores |";

    private final Gateway gateway;
    private final OrderSender sender;
    private final OrderFlow flow;
    private final String accountId;
    private final String accountNo;
    private final String runId;
    private String token;
    private final HttpClient http = HttpClient.newHttpClient();
    private int runs;
    private double sustained;
    private String sustainedBy = "none";

    OrderRuns(Gateway gateway, OrderSender sender, OrderFlow flow, String accountId, String accountNo, String runId) {
        this.gateway = gateway;
        this.accountId = accountId;
        this.sender = sender;
        this.flow = flow;
        this.accountNo = accountNo;
        this.runId = runId;
    }

    void openLoop(String label, int rate, double seconds, boolean print) throws Exception {
        Placements run = prepare((int) (rate * seconds));
        Sample sample = Sample.start(gateway);
        sender.openLoop(run, flow, rate, seconds);
        report(label, rate + "/s", run, sample.stop(gateway), print);
    }

    void closedLoop(int clients, double seconds) throws Exception {
        Placements run = prepare((int) (seconds * 20_000));
        Sample sample = Sample.start(gateway);
        sender.closedLoop(run, flow, clients, seconds);
        Sample done = sample.stop(gateway);
        String who = clients + (clients == 1 ? " client" : " clients");
        double placed = report("closed loop", who, run, done, true);
        if (run.latency().percentileMillis(99) < OrderLoad.P99_BUDGET_MILLIS && placed > sustained) {
            sustained = placed;
            sustainedBy = who;
        }
    }

    /** A fresh account (open orders cancelled, ample cash), a settled gateway, a fresh token. */
    private Placements prepare(int capacity) throws Exception {
        GatewayClient client = gateway.login();
        gateway.admin().post("/admin/accounts/" + accountNo + "/reset", OrderFlow.ampleFunding());
        awaitDigested(client);
        token = client.token();
        sender.token(token);
        return new Placements("b" + runId + "-" + (++runs) + "-", capacity);
    }

    /**
     * The cancellations of a reset reach the gateway as order events, tens of thousands after a long
     * run: wait until its journal lists no open order and it has been idle for two seconds in a row,
     * so that no run pays for the one before.
     */
    private void awaitDigested(GatewayClient client) throws Exception {
        String open = "/v1/accounts/" + accountId + "/orders?status=pending_new,working,partially_filled&limit=1";
        int quiet = 0;
        for (int i = 0; i < 120 && quiet < 2; i++) {
            double before = gateway.cpuSeconds();
            Thread.sleep(1000);
            boolean idle = gateway.cpuSeconds() - before < 0.15;
            quiet = idle && GatewayClient.json(client.send(open).body()).path("orders").isEmpty() ? quiet + 1 : 0;
        }
    }

    private double report(String label, String offered, Placements run, Sample sample, boolean print) throws Exception {
        settleUnknownOutcomes(run);
        ExchangeCheck check = ExchangeCheck.of(run, gateway.admin(), accountNo);
        double placed = run.count(201) / sample.seconds();
        LatencyHistogram l = run.latency();
        String row = String.format(Locale.ROOT, "| %s | %s | %,.0f | %,d | %.2f ms | %.2f ms | %.2f ms | %.2f ms | %.1f ms | %s | %s | %.2f / %.2f |",
                label, offered, placed, run.count(201), l.percentileMillis(50), l.percentileMillis(90), l.percentileMillis(99),
                l.percentileMillis(99.9), l.maxMillis(), run.others().isEmpty() ? "none" : run.others(), check.summary(),
                sample.serverCores(), sample.clientCores());
        if (print) {
            System.out.println(row);
        } else {
            System.out.println(label + ": " + row);
        }
        if (run.firstFailure() != null) {
            System.out.println("  first other answer: " + run.firstFailure());
        }
        return placed;
    }

    /** A 202 (the broker did not confirm in time) is settled the way a client must: the same request again. */
    private void settleUnknownOutcomes(Placements run) throws Exception {
        for (int seq = 0; seq < run.capacity(); seq++) {
            Placements.Outcome o = run.outcome(seq);
            if (o != null && o.status() == 202) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(gateway.url() + "/v1/accounts/"
                                + accountId + "/orders")).header("Authorization", "Bearer " + token)
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(o.request()))
                        .build(), HttpResponse.BodyHandlers.ofString());
                run.settled(seq, r.statusCode(), OrderSender.orderId(r.body().getBytes(StandardCharsets.UTF_8)));
            }
        }
    }

    void printSustained() {
        System.out.printf(Locale.ROOT, "%nsustained with p99 < %.0f ms (closed loop): %,.0f orders/s (%s)%n", OrderLoad.P99_BUDGET_MILLIS,
                sustained, sustainedBy);
    }

    /** CPU used by the gateway process and by this one over a run. */
    private record Sample(long startNanos, double server0, double client0, double seconds, double serverCores, double clientCores) {
        static Sample start(Gateway g) throws Exception {
            return new Sample(System.nanoTime(), g.cpuSeconds(), ServiceProcess.ownCpuSeconds(), 0, 0, 0);
        }

        Sample stop(Gateway g) throws Exception {
            double s = (System.nanoTime() - startNanos) / 1e9;
            return new Sample(startNanos, server0, client0, s, (g.cpuSeconds() - server0) / s,
                    (ServiceProcess.ownCpuSeconds() - client0) / s);
        }
    }
}
