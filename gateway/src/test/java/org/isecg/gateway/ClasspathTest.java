package org.isecg.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import org.junit.jupiter.api.Test;

/**
 * The gateway stores and consumes nothing, down to what it depends on: no MongoDB driver and no
 * Kafka client reaches its classpath, through the web starter or anything else. The test classpath
 * is the gateway's runtime classpath plus the test libraries, so it is the stricter one to check.
 */
class ClasspathTest {

    private static final List<String> FORBIDDEN = List.of("com/mongodb/", "org/apache/kafka/");

    @Test
    void noMongoDbAndNoKafkaClassIsOnTheGatewaysClasspath() {
        // given
        List<Path> classpath = classpath();

        // when
        List<String> found = new ArrayList<>();
        for (Path entry : classpath) {
            forbiddenClassIn(entry).ifPresent(name -> found.add(entry.getFileName() + " holds " + name));
        }

        // then
        assertThat(classpath).as("the scan saw the gateway's own dependencies")
                .anySatisfy(entry -> assertThat(entry.getFileName().toString()).startsWith("spring-cloud-gateway-server-webflux"))
                .anySatisfy(entry -> assertThat(entry.toString()).contains("web-starter"));
        assertThat(found).isEmpty();
    }

    /** Surefire runs tests from a manifest-only jar and names the real classpath in this property. */
    private static List<Path> classpath() {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return Arrays.stream(classpath.split(File.pathSeparator)).filter(entry -> !entry.isBlank())
                .map(Path::of).filter(Files::exists).toList();
    }

    private static Optional<String> forbiddenClassIn(Path entry) {
        if (Files.isDirectory(entry)) {
            return FORBIDDEN.stream().filter(prefix -> Files.isDirectory(entry.resolve(prefix))).findFirst();
        }
        try (JarFile jar = new JarFile(entry.toFile())) {
            return jar.stream().map(JarEntry::getName)
                    .filter(name -> name.endsWith(".class") && FORBIDDEN.stream().anyMatch(name::startsWith))
                    .findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + entry, e);
        }
    }
}
