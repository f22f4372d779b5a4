package org.isecg.localstack;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/** What a {@link ServiceProcess} runs after {@code java <jvm options>}. */
public sealed interface ServiceLaunch {

    /** The arguments that follow the JVM options on the command line. */
    List<String> arguments();

    /** {@code java -jar <jar>}: a Spring Boot fat jar, as the local stack runs every service. */
    record ExecutableJar(Path jar) implements ServiceLaunch {
        public ExecutableJar {
            Objects.requireNonNull(jar, "jar");
        }

        @Override
        public List<String> arguments() {
            return List.of("-jar", jar.toAbsolutePath().toString());
        }
    }

    /** {@code java -cp <classpath> <main class>}: for tests that run a small main of their own. */
    record MainClass(String classpath, String mainClass) implements ServiceLaunch {
        public MainClass {
            Objects.requireNonNull(classpath, "classpath");
            Objects.requireNonNull(mainClass, "mainClass");
        }

        @Override
        public List<String> arguments() {
            return List.of("-cp", classpath, mainClass);
        }
    }
}
