package org.isecg.events.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MutablePropertySources;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * A fault point halts the JVM only where it is armed, and a halt is a crash: the process ends at
 * once with {@link FaultPoints#HALT_STATUS}, after one ERROR line naming the point, without running
 * its shutdown hooks.
 */
class FaultPointsTest {

    private final List<Integer> halts = new CopyOnWriteArrayList<>();

    @Test
    void withHaltAtUnsetNoPointIsArmedAndReachingOneDoesNothing() throws IOException {
        FaultPoints faults = new FaultPoints(bound(null).haltAt(), halts::add);

        faults.reach("notifier.after-projection-write");
        faults.reach("outbox.before-publish:overlaps");

        assertThat(faults.anyArmed()).isFalse();
        assertThat(halts).isEmpty();
    }

    @Test
    void theEnvironmentVariableArmsEachPointItListsAndOnlyThose() throws IOException {
        FaultPoints faults = new FaultPoints(
                bound("notifier.after-projection-write, outbox.before-publish:overlaps").haltAt(), halts::add);

        faults.reach("outbox.before-publish:roadmap-plans");
        faults.reach("outbox.after-publish:overlaps");
        assertThat(halts).as("points not armed").isEmpty();

        faults.reach("outbox.before-publish:overlaps");
        faults.reach("notifier.after-projection-write");
        assertThat(faults.anyArmed()).isTrue();
        assertThat(halts).containsExactly(FaultPoints.HALT_STATUS, FaultPoints.HALT_STATUS);
    }

    @Test
    void reachingAnArmedPointHaltsTheJvmAtOnceWithoutItsShutdownHooksAfterOneErrorLineNamingIt() throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HaltingMain.class.getName(), "crash.here")
                .redirectErrorStream(true).start();
        try {
            child.getOutputStream().close();
            String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child exits").isTrue();

            assertThat(child.exitValue()).as(output).isEqualTo(FaultPoints.HALT_STATUS);
            assertThat(output).contains("passed not.armed")
                    .doesNotContain("went on after the halt")
                    .doesNotContain("shutdown hook ran");
            assertThat(output.lines().filter(line -> line.contains("fault point crash.here reached")))
                    .singleElement().asString().contains("ERROR");
        } finally {
            child.destroyForcibly();
        }
    }

    /** {@code isecg.faults} as a service binds it: the events defaults, and the variable if set. */
    private static FaultProperties bound(String haltAtVariable) throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        MutablePropertySources sources = environment.getPropertySources();
        sources.remove(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME);
        sources.remove(StandardEnvironment.SYSTEM_PROPERTIES_PROPERTY_SOURCE_NAME);
        if (haltAtVariable != null) {
            sources.addLast(new SystemEnvironmentPropertySource("environment",
                    Map.of("ISECG_FAULTS_HALT_AT", haltAtVariable)));
        }
        List<PropertySource<?>> defaults = new YamlPropertySourceLoader()
                .load("events-defaults", new ClassPathResource("isecg-events-defaults.yml"));
        sources.addLast(defaults.get(0));
        return Binder.get(environment).bindOrCreate("isecg.faults", FaultProperties.class);
    }

    /** Arms the point named by its argument, passes one that is not armed, then reaches the armed one. */
    public static final class HaltingMain {

        public static void main(String[] args) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> System.out.println("shutdown hook ran")));
            FaultPoints faults = new FaultPoints(new FaultProperties(List.of(args[0])));
            faults.reach("not.armed");
            System.out.println("passed not.armed");
            faults.reach(args[0]);
            System.out.println("went on after the halt");
        }
    }
}
