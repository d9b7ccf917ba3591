package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A kustomization.yaml read as data: the files it names (which must exist), its resources parsed
 * with the fabric8 model, and the ConfigMaps its generators make (unhashed names, as the
 * references in the resources are written before kustomize adds the hash).
 */
final class Kustomization {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private final Path dir;
    private final Map<String, Object> spec;

    Kustomization(Path dir) {
        this.dir = dir;
        Path file = dir.resolve("kustomization.yaml");
        assertTrue(Files.isRegularFile(file), file + " exists");
        try {
            this.spec = YAML.readValue(file.toFile(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertEquals("Kustomization", spec.get("kind"), file.toString());
    }

    Path dir() {
        return dir;
    }

    String namespace() {
        return (String) spec.get("namespace");
    }

    /** Entries of {@code resources}: files or directories holding a kustomization, relative to this one. */
    List<Path> resources() {
        return strings("resources").stream().map(r -> existing(dir.resolve(r).normalize(), "resource " + r)).toList();
    }

    /** Objects of the resource files (not of resource directories), parsed with the fabric8 model. */
    List<HasMetadata> resourceObjects() {
        List<HasMetadata> out = new ArrayList<>();
        for (Path r : resources()) {
            if (Files.isRegularFile(r)) {
                out.addAll(Manifests.parse(Repository.read(r), Repository.root().relativize(r).toString()));
            } else {
                assertTrue(Files.isRegularFile(r.resolve("kustomization.yaml")), r + " is a kustomization");
            }
        }
        return out;
    }

    /** Generated ConfigMaps: data from {@code files} (key=path or path) and {@code envs}; {@code literals} too. */
    List<HasMetadata> generatedConfigMaps() {
        List<HasMetadata> out = new ArrayList<>();
        for (Map<String, Object> generator : maps("configMapGenerator")) {
            Map<String, String> data = new LinkedHashMap<>();
            for (String entry : list(generator, "files")) {
                String[] keyAndPath = entry.contains("=") ? entry.split("=", 2) : new String[] {Path.of(entry).getFileName().toString(), entry};
                data.put(keyAndPath[0], Repository.read(existing(dir.resolve(keyAndPath[1]), "generator file " + entry)));
            }
            for (String env : list(generator, "envs")) {
                Repository.read(existing(dir.resolve(env), "generator env file " + env)).lines()
                        .filter(l -> !l.isBlank() && !l.startsWith("#")).forEach(l -> put(data, l));
            }
            list(generator, "literals").forEach(l -> put(data, l));
            @SuppressWarnings("unchecked")
            Map<String, Object> options = (Map<String, Object>) generator.getOrDefault("options", Map.of());
            @SuppressWarnings("unchecked")
            Map<String, String> labels = (Map<String, String>) options.getOrDefault("labels", Map.of());
            out.add(new ConfigMapBuilder().withNewMetadata().withName((String) generator.get("name")).withLabels(labels)
                    .addToAnnotations("kustomize/behavior", String.valueOf(generator.getOrDefault("behavior", "create")))
                    .endMetadata().withData(data).build());
        }
        return out;
    }

    /** Patch files ({@code patches[].path}), parsed; inline patches are returned by {@link #inlinePatchTargets()}. */
    List<HasMetadata> patchObjects() {
        List<HasMetadata> out = new ArrayList<>();
        for (Map<String, Object> patch : maps("patches")) {
            if (patch.containsKey("path")) {
                Path file = existing(dir.resolve((String) patch.get("path")), "patch " + patch.get("path"));
                out.addAll(Manifests.parse(Repository.read(file), Repository.root().relativize(file).toString()));
            }
        }
        return out;
    }

    /** The {@code target} of every inline patch: kind and a name regex. */
    List<Map<String, Object>> inlinePatchTargets() {
        return maps("patches").stream().filter(p -> p.containsKey("patch")).map(p -> {
            @SuppressWarnings("unchecked")
            Map<String, Object> target = (Map<String, Object>) p.get("target");
            assertTrue(target != null && target.get("kind") != null && target.get("name") != null, dir + ": inline patch without kind and name");
            return target;
        }).toList();
    }

    List<Map<String, Object>> images() {
        return maps("images");
    }

    private static void put(Map<String, String> data, String line) {
        int eq = line.indexOf('=');
        assertTrue(eq > 0, "not KEY=value: " + line);
        data.put(line.substring(0, eq), line.substring(eq + 1));
    }

    private static Path existing(Path path, String what) {
        assertTrue(Files.exists(path), what + ": " + path + " does not exist");
        return path;
    }

    @SuppressWarnings("unchecked")
    private List<String> strings(String key) {
        Object value = spec.get(key);
        return value == null ? List.of() : (List<String>) value;
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> maps(String key) {
        Object value = spec.get(key);
        return value == null ? List.of() : (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> list(Map<String, Object> map, String key) {
        Object value = map.get(key);
        return value == null ? List.of() : (List<String>) value;
    }
}
