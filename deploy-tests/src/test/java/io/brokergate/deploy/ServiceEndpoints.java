package io.brokergate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The HTTP paths each service's code serves today, read from its sources: JAX-RS {@code @Path}
 * (class path + method paths), WebSocket endpoints and the path constants of Vert.x routes. Path
 * parameters become a sample value, so the ingress can be asked where such a request goes.
 */
final class ServiceEndpoints {

    /** A path from the code and the service module that serves it. */
    record Endpoint(String service, String path, Path source) {
    }

    private static final Pattern PATH = Pattern.compile("@Path\\(\"([^\"]*)\"\\)");
    private static final Pattern WEBSOCKET = Pattern.compile("@WebSocket\\(\\s*path\\s*=\\s*\"([^\"]+)\"");
    /** Vert.x routes (classes observing the Router): their path constants and literal paths. */
    private static final Pattern ROUTE_CONSTANT = Pattern.compile("static final String (?:PATH|PREFIX) = \"(/[^\"]*)\"");
    private static final Pattern ROUTE_LITERAL = Pattern.compile("router\\.(?:get|post|put|delete|route)\\(\"(/[^\"]*)\"");
    private static final Pattern ROUTER_OBSERVER = Pattern.compile("@Observes Router");
    private static final Pattern CLASS = Pattern.compile("\\b(class|interface|record)\\s+\\w+");
    private static final Pattern PARAMETER = Pattern.compile("\\{[^}]+}|:[A-Za-z]+");

    private ServiceEndpoints() {
    }

    static List<Endpoint> of(String service) {
        Path sources = Repository.root().resolve(service).resolve("src/main/java");
        List<Endpoint> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(sources)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                for (String path : paths(Files.readString(file))) {
                    out.add(new Endpoint(service, PARAMETER.matcher(path).replaceAll("sample"), file));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static List<String> paths(String source) {
        List<String> out = new ArrayList<>();
        Matcher declaration = CLASS.matcher(source);
        int classStart = declaration.find() ? declaration.start() : 0;
        String classPath = null;
        List<String> methodPaths = new ArrayList<>();
        Matcher m = PATH.matcher(source);
        while (m.find()) {
            if (m.start() < classStart && classPath == null) {
                classPath = m.group(1);
            } else {
                methodPaths.add(m.group(1));
            }
        }
        if (classPath != null) {
            if (methodPaths.isEmpty()) {
                out.add(classPath);
            }
            for (String method : methodPaths) {
                out.add(join(classPath, method));
            }
        }
        List<Pattern> others = ROUTER_OBSERVER.matcher(source).find() ? List.of(WEBSOCKET, ROUTE_CONSTANT, ROUTE_LITERAL) : List.of(WEBSOCKET);
        others.forEach(p -> {
            Matcher r = p.matcher(source);
            while (r.find()) {
                out.add(r.group(1));
            }
        });
        return out;
    }

    private static String join(String base, String sub) {
        String b = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        return sub.startsWith("/") ? b + sub : b + "/" + sub;
    }
}
