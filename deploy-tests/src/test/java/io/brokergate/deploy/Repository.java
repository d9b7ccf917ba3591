package io.brokergate.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the deployment files live in this repository, and the version they must carry. */
final class Repository {

    private Repository() {
    }

    static Path root() {
        String root = System.getProperty("brokergate.repository.root");
        return (root == null ? Path.of("..") : Path.of(root)).toAbsolutePath().normalize();
    }

    static Path chart() {
        return root().resolve("helm/brokergate");
    }

    static Path kustomize() {
        return root().resolve("k8s");
    }

    /** The Maven project version without -SNAPSHOT: the release the images and manifests name. */
    static String releaseVersion() {
        String version = System.getProperty("brokergate.project.version", "");
        return version.replace("-SNAPSHOT", "");
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
