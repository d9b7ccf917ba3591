package io.brokergate.auth.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The versioned SQL migrations on the class path ({@code db/migration/V<n>__<name>.sql}), as they are at run time. */
final class MigrationFiles {

    static final String LOCATION = "db/migration";
    private static final Pattern VERSIONED = Pattern.compile("V([0-9][0-9._]*)__.+\\.sql");

    private MigrationFiles() {
    }

    /** Versions ("1", "2", "2.1"...) of every {@code V*.sql} file under {@value #LOCATION}, in Flyway's spelling. */
    static TreeSet<String> versions() {
        TreeSet<String> out = new TreeSet<>(MigrationFiles::compareVersions);
        try {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            Enumeration<URL> roots = cl.getResources(LOCATION);
            for (URL root : Collections.list(roots)) {
                collect(root, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (out.isEmpty()) {
            throw new IllegalStateException("no V*__*.sql migration found under classpath:" + LOCATION);
        }
        return out;
    }

    private static void collect(URL root, TreeSet<String> out) throws IOException {
        URI uri;
        try {
            uri = root.toURI();
        } catch (URISyntaxException e) {
            throw new IOException(e);
        }
        if ("file".equals(uri.getScheme())) {
            list(Path.of(uri), out);
        } else if ("jar".equals(uri.getScheme())) {
            try (FileSystem fs = FileSystems.newFileSystem(uri, Map.of())) {
                list(fs.provider().getPath(uri), out);
            } catch (FileSystemAlreadyExistsException e) {
                list(FileSystems.getFileSystem(uri).provider().getPath(uri), out);
            }
        } else {
            throw new IllegalStateException("cannot list migrations at " + root);
        }
    }

    private static void list(Path dir, TreeSet<String> out) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            files.filter(Files::isRegularFile).forEach(f -> {
                Matcher m = VERSIONED.matcher(f.getFileName().toString());
                if (m.matches()) {
                    out.add(m.group(1).replace('_', '.'));
                }
            });
        }
    }

    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int c = new BigInteger(i < x.length ? x[i] : "0").compareTo(new BigInteger(i < y.length ? y[i] : "0"));
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
