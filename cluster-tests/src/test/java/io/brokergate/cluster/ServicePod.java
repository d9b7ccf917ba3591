package io.brokergate.cluster;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service in its own JVM, as a Kubernetes pod runs it: the service's
 * {@code quarkus-run.jar}, {@code QUARKUS_PROFILE=prod,cluster}, settings as system properties, a
 * fixed port and a log file. It can be stopped as Kubernetes does (SIGTERM, grace period) or killed
 * (SIGKILL: no shutdown hook runs, sockets are closed by the kernel).
 */
final class ServicePod {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path jar;
    private final int port;
    private final Map<String, String> settings;
    private final Path log;
    private Process process;
    private int starts;

    ServicePod(String name, Path jar, int port, Map<String, String> settings, Path logDir) {
        this.name = name;
        this.jar = jar;
        this.port = port;
        this.settings = new TreeMap<>(settings);
        this.log = logDir.resolve(name + ".log");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    /** Starts the JVM (again after a stop or kill: same port, same settings, the log appended to). */
    synchronized ServicePod start() {
        if (process != null && process.isAlive()) {
            throw new IllegalStateException(name + " is running");
        }
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: package the services first (mvn verify from the root)");
        }
        List<String> cmd = new ArrayList<>(List.of(javaBin(), "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dquarkus.http.port=" + port));
        settings.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
        cmd.addAll(List.of("-jar", jar.toString()));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "==== start " + (++starts) + " of " + name + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            builder.environment().put("QUARKUS_PROFILE", "prod,cluster");
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException(name + " did not start", e);
        }
        return this;
    }

    /** Waits until {@code /q/health/ready} answers 200; fails early when the JVM exits. */
    ServicePod awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
            }
            if (status("/q/health/ready") == 200) {
                return this;
            }
            sleep(200);
        }
        throw new IllegalStateException(name + " not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: the process gets no chance to release anything. */
    void kill() {
        process.destroyForcibly();
        waitFor(Duration.ofSeconds(10));
    }

    /** SIGTERM and the grace period of a pod's termination. */
    void stop() {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!waitFor(Duration.ofSeconds(30))) {
            process.destroyForcibly();
            waitFor(Duration.ofSeconds(10));
        }
    }

    boolean isAlive() {
        return process != null && process.isAlive();
    }

    String get(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (IOException e) {
            throw new IllegalStateException(name + " " + path + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private int status(String path) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url() + path)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    private boolean waitFor(Duration timeout) {
        try {
            return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String javaBin() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
