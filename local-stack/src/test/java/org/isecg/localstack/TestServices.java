package org.isecg.localstack;

import java.net.URISyntaxException;
import java.nio.file.Path;

/** Launches of the test stand-ins from {@code target/test-classes}. */
final class TestServices {

    private TestServices() {
    }

    static ServiceLaunch healthEndpoint() {
        return new ServiceLaunch.MainClass(testClasses().toString(), HealthEndpointMain.class.getName());
    }

    static ServiceLaunch crashing() {
        return new ServiceLaunch.MainClass(testClasses().toString(), CrashingMain.class.getName());
    }

    /** The directory these classes were loaded from, i.e. {@code target/test-classes}. */
    static Path testClasses() {
        try {
            return Path.of(HealthEndpointMain.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Children of this JVM that are still running. */
    static long liveChildren() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }
}
