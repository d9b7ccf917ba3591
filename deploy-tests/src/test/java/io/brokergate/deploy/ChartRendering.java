package io.brokergate.deploy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The chart through Helm itself (helm-java embeds the Helm library): lint and template, offline. */
final class ChartRendering {

    static final String RELEASE = "brokergate";
    static final String NAMESPACE = "trading";
    static final String KUBE_VERSION = "1.31.0";
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private ChartRendering() {
    }

    /** {@code helm lint --strict}; with a values file, on a copy whose values.yaml has it merged in (helm-java's lint takes no -f). */
    static LintResult lintStrict(Path valuesFile) {
        Path chart = valuesFile == null ? Repository.chart() : chartWithMergedValues(valuesFile);
        return new Helm(chart).lint().strict().call();
    }

    /** {@code helm template brokergate <chart> -n trading [-f values] [--set k=v ...]}. */
    static String template(Path valuesFile, Map<String, String> sets) {
        return template(Repository.chart(), valuesFile, sets);
    }

    static String template(Path chart, Path valuesFile, Map<String, String> sets) {
        // helm-java defaults to Kubernetes 1.20, below the chart's kubeVersion.
        TemplateCommand command = new Helm(chart).template().withName(RELEASE).withNamespace(NAMESPACE).withKubeVersion(KUBE_VERSION);
        if (valuesFile != null) {
            command = command.withValuesFile(valuesFile);
        }
        for (Map.Entry<String, String> set : sets.entrySet()) {
            command = command.set(set.getKey(), set.getValue());
        }
        return command.call();
    }

    static Path productionValues() {
        return Repository.chart().resolve("values-production.yaml");
    }

    /** Helm's merge of values files: maps merge key by key, anything else (lists too) is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> override) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        override.forEach((key, value) -> {
            Object current = out.get(key);
            if (current instanceof Map<?, ?> c && value instanceof Map<?, ?> v) {
                out.put(key, merge((Map<String, Object>) c, (Map<String, Object>) v));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    static Map<String, Object> readValues(Path file) {
        try {
            Map<String, Object> values = YAML.readValue(file.toFile(), new TypeReference<>() { });
            return values == null ? Map.of() : values;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path chartWithMergedValues(Path valuesFile) {
        try {
            Path copy = copyOfChart();
            Map<String, Object> merged = merge(readValues(Repository.chart().resolve("values.yaml")), readValues(valuesFile));
            YAML.writeValue(copy.resolve("values.yaml").toFile(), merged);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A scratch copy of the chart, for renderings the real chart cannot give (see GeneratedSecretsTest). */
    static Path copyOfChart() {
        try {
            Path copy = Files.createTempDirectory("brokergate-chart-").resolve("brokergate");
            copyTree(Repository.chart(), copy);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()));
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
