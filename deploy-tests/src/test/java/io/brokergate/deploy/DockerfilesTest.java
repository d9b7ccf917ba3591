package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Dockerfiles (no image is built here: no container engine) follow Quarkus's conventions and
 * agree with what the chart expects of the images: user 185, working directory /deployments (the
 * ConfigMap is mounted at /deployments/config), port 8080, a pinned base image.
 */
class DockerfilesTest {

    private static final List<String> MODULES = List.of("auth-service", "quote-service", "trade-service", "stream-service", "all-in-one");
    private static final Pattern ARG_DEFAULT = Pattern.compile("(?m)^ARG (\\w+)=(\\S+)$");

    private static String dockerfile(String module, String variant) {
        Path file = Repository.root().resolve(module).resolve("src/main/docker/Dockerfile." + variant);
        assertTrue(Files.isRegularFile(file), file + " exists");
        return Repository.read(file);
    }

    @Test
    void jvmImagesUseTheFastJarLayoutAsUser185() {
        for (String module : MODULES) {
            String jvm = dockerfile(module, "jvm");
            for (String dir : List.of("lib/", "*.jar", "app/", "quarkus/")) {
                assertTrue(jvm.contains("COPY --chown=185 target/quarkus-app/" + dir + " /deployments/"), module + ": fast-jar " + dir);
            }
            assertTrue(jvm.contains("ENV JAVA_APP_JAR=\"/deployments/quarkus-run.jar\""), module);
            assertCommon(module, jvm);
        }
    }

    @Test
    void nativeImagesRunTheRunnerAsUser185() {
        for (String module : MODULES) {
            String nativeFile = dockerfile(module, "native");
            assertTrue(nativeFile.contains("COPY --chown=185:0 --chmod=0755 target/*-runner /deployments/application"), module);
            assertTrue(nativeFile.contains("-Dquarkus.native.enabled=true"), module + ": says how the executable is built");
            assertCommon(module, nativeFile);
        }
    }

    private static void assertCommon(String module, String dockerfile) {
        List<String> users = Pattern.compile("(?m)^USER (\\S+)$").matcher(dockerfile).results().map(m -> m.group(1)).toList();
        assertEquals("185", users.get(users.size() - 1), module + ": runs as 185");
        assertTrue(dockerfile.contains("\nWORKDIR /deployments\n"), module + ": works in /deployments");
        assertTrue(Pattern.compile("(?m)^EXPOSE 8080( |$)").matcher(dockerfile).find(), module + ": exposes 8080");
        assertTrue(Pattern.compile("(?m)^FROM \\$\\{BASE_REGISTRY}/\\$\\{\\w+}$").matcher(dockerfile).find(), module + ": base image from BASE_REGISTRY");
        assertTrue(dockerfile.contains("\nARG BASE_REGISTRY\n"), module + ": BASE_REGISTRY has no default (no registry host in the repository)");
        Matcher arg = ARG_DEFAULT.matcher(dockerfile);
        while (arg.find()) {
            String image = arg.group(2);
            assertTrue(image.startsWith("ubi9/"), module + ": a UBI 9 base: " + image);
            assertTrue(image.contains(":") && !image.endsWith(":latest"), module + ": base image pinned: " + image);
            assertFalse(image.substring(0, image.indexOf('/')).contains("."), module + ": no registry host: " + image);
        }
    }

    @Test
    void theChartRunsTheImagesTheWayTheyAreBuilt() {
        Map<?, ?> values = ChartRendering.readValues(Repository.chart().resolve("values.yaml"));
        assertEquals(185, ((Map<?, ?>) values.get("securityContext")).get("runAsUser"));
        String deployment = Repository.read(Repository.chart().resolve("templates/deployment.yaml"));
        assertTrue(deployment.contains("workingDir: /deployments\n"));
        assertTrue(deployment.contains("mountPath: /deployments/config\n"));
    }
}
