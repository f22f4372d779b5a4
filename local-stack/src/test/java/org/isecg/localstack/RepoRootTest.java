package org.isecg.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RepoRootTest {

    @TempDir
    Path dir;

    @Test
    void walksUpToTheDirectoryWithLocalStackAndAPom() throws IOException {
        Path repo = Files.createDirectories(dir.resolve("hub"));
        Files.writeString(repo.resolve("pom.xml"), "<project/>");
        Path deep = Files.createDirectories(repo.resolve("local-stack/src/main"));
        Files.writeString(repo.resolve("local-stack/pom.xml"), "<project/>");

        assertThat(RepoRoot.findFrom(deep)).contains(repo);
        assertThat(RepoRoot.findFrom(repo)).contains(repo);
    }

    @Test
    void findsNothingWhereNoAncestorIsACheckout() {
        // the temporary directory lies inside this very checkout (target/), so only the file
        // system root is certain to be outside one
        assertThat(RepoRoot.findFrom(Path.of("/"))).isEmpty();
    }
}
