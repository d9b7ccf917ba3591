package io.brokergate.deploy;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResource;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Multi-document YAML parsed with the fabric8 Kubernetes model. Every object must map to a typed
 * model class (custom resources only from an allow-list), and no field may be unknown to the
 * model: fabric8 keeps unknown fields in {@code additionalProperties}, so a typo such as
 * {@code readinesProbe} would otherwise parse silently.
 */
final class Manifests {

    /** Custom resources the chart may render; fabric8 has no model class for them. */
    private static final Set<String> CUSTOM_KINDS = Set.of("monitoring.coreos.com/v1/ServiceMonitor");
    private static final Pattern DOCUMENT_SEPARATOR = Pattern.compile("(?m)^---\\s*$");

    private Manifests() {
    }

    static List<HasMetadata> parse(String yaml, String source) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : DOCUMENT_SEPARATOR.split(yaml)) {
            if (document.lines().allMatch(line -> line.isBlank() || line.stripLeading().startsWith("#"))) {
                continue;
            }
            objects.add(parseOne(document, source));
        }
        return objects;
    }

    static HasMetadata parseOne(String document, String source) {
        KubernetesResource resource;
        try {
            resource = Serialization.unmarshal(document);
        } catch (RuntimeException e) {
            throw new AssertionError(source + ": not a Kubernetes object: " + e.getMessage() + "\n" + document, e);
        }
        assertNotNull(resource, source + ": empty document");
        if (!(resource instanceof HasMetadata object)) {
            throw new AssertionError(source + ": " + resource.getClass().getSimpleName() + " is not an object with metadata");
        }
        String where = source + ": " + object.getKind() + "/" + object.getMetadata().getName();
        if (object instanceof GenericKubernetesResource) {
            assertTrue(CUSTOM_KINDS.contains(object.getApiVersion() + "/" + object.getKind()),
                    where + ": apiVersion " + object.getApiVersion() + " kind " + object.getKind() + " is not in the Kubernetes model");
        } else {
            assertNoUnknownFields(object, where);
        }
        assertFalse(object.getMetadata().getName() == null || object.getMetadata().getName().isBlank(), where + ": no name");
        return object;
    }

    /** Walks the typed object graph: any additionalProperties entry is a field the schema does not know. */
    static void assertNoUnknownFields(Object node, String path) {
        if (node == null || !isModel(node.getClass())) {
            return;
        }
        for (Method getter : node.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || !getter.getName().startsWith("get")
                    || getter.getName().equals("getClass")) {
                continue;
            }
            Object value = invoke(getter, node);
            String child = path + "." + getter.getName().substring(3);
            if (getter.getName().equals("getAdditionalProperties")) {
                if (value instanceof Map<?, ?> extra && !extra.isEmpty()) {
                    fail(path + ": fields unknown to the Kubernetes schema: " + extra.keySet());
                }
            } else if (value instanceof Collection<?> items) {
                int i = 0;
                for (Object item : items) {
                    assertNoUnknownFields(item, child + "[" + i++ + "]");
                }
            } else if (value instanceof Map<?, ?> map) {
                map.forEach((k, v) -> assertNoUnknownFields(v, child + "[" + k + "]"));
            } else {
                assertNoUnknownFields(value, child);
            }
        }
    }

    private static boolean isModel(Class<?> type) {
        return type.getName().startsWith("io.fabric8.kubernetes.api.model");
    }

    private static Object invoke(Method getter, Object node) {
        try {
            return getter.invoke(node);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException(getter + " on " + node.getClass(), e);
        }
    }

    static <T extends HasMetadata> List<T> ofType(List<HasMetadata> objects, Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
