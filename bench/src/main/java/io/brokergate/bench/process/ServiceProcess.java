package io.brokergate.bench.process;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A packaged service under test in its own JVM, as a pod runs it: started with a fixed heap on a
 * free port, probed over HTTP, measured from outside (CPU time and RSS from {@code /proc}, heap
 * after a full GC through {@code jcmd}, Prometheus counters), stopped at the end.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;
    private final int port;
    private final HttpClient http = HttpClient.newHttpClient();

    /**
     * @param properties system properties ({@code -Dkey=value} without the {@code -D}), after
     *                   {@code quarkus.http.port}
     */
    public ServiceProcess(Path jar, String heap, List<String> jvmOptions, List<String> properties, Path log) throws IOException {
        port = freePort();
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx" + heap, "-Xms" + heap));
        cmd.addAll(jvmOptions);
        cmd.add("-Dquarkus.http.port=" + port);
        properties.forEach(p -> cmd.add("-D" + p));
        cmd.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(log.toAbsolutePath().getParent());
        process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        // a load generator that fails or is interrupted must not leave its servers running
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroyForcibly));
    }

    public int port() {
        return port;
    }

    public long pid() {
        return process.pid();
    }

    /** Waits until {@code /q/health/ready} answers what {@code ready} accepts; fails if the process exits first. */
    public void awaitReady(String name, Duration timeout, Predicate<String> ready) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue());
            }
            try {
                if (ready.test(get("/q/health/ready"))) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout);
    }

    /** Body of a GET on the service's port. */
    public String get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** Heap in use after a full collection, in bytes. */
    public long heapAfterGc() throws Exception {
        for (int i = 0; i < 2; i++) {
            Process gc = new ProcessBuilder(jcmd(), Long.toString(process.pid()), "GC.run").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            gc.waitFor(60, TimeUnit.SECONDS);
        }
        Thread.sleep(500);
        double heap = 0;
        for (String line : get("/q/metrics").split("\n")) {
            if (line.startsWith("jvm_memory_used_bytes{area=\"heap\"")) {
                heap += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return (long) heap;
    }

    /** CPU time the process has used (user + system), in seconds. */
    public double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc/" + process.pid() + "/stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]); // utime, stime (fields 14, 15)
        return ticks / 100.0; // USER_HZ
    }

    /** Resident set size of the process, in bytes. */
    public long rss() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        return -1;
    }

    /** A Prometheus counter or gauge summed over its series (0 when absent). */
    public double metric(String name) throws Exception {
        double sum = 0;
        for (String line : get("/q/metrics").split("\n")) {
            if (line.startsWith(name + "{") || line.startsWith(name + " ")) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }

    /** SIGKILL, as a crashed pod or an OOM kill ends: no shutdown hook runs, the kernel closes the sockets. */
    public void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM, then waits up to 20 s for the exit (SIGKILL after that). */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** CPU time of this (the load generator's) process, in seconds. */
    public static double ownCpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** A comma-separated list of whole numbers (command-line options of the load generators). */
    public static List<Integer> ints(String csv) {
        List<Integer> out = new ArrayList<>();
        for (String v : csv.split(",")) {
            out.add(Integer.parseInt(v.trim()));
        }
        return out;
    }

    public static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static String jcmd() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "jcmd";
    }
}
