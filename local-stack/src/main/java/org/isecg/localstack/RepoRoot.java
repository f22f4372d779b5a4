package org.isecg.localstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Finds the repository root: the directory that holds both {@code local-stack/} and {@code pom.xml}. */
final class RepoRoot {

    private RepoRoot() {
    }

    /** Walks up from {@code start} (inclusive). */
    static Optional<Path> findFrom(Path start) {
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("local-stack")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return Optional.of(dir);
            }
        }
        return Optional.empty();
    }
}
