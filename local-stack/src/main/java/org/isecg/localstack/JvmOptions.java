package org.isecg.localstack;

import java.util.List;

/** JVM options for the service processes. */
public final class JvmOptions {

    /**
     * A small footprint for seven JVMs sharing two cores: the serial collector and C1 only (a
     * Spring Boot service starts faster and idles smaller without C2 and parallel GC threads),
     * bounded heap, metaspace, code cache and thread stacks, and the JDK's class-data archive.
     */
    public static final List<String> SMALL_FOOTPRINT = List.of(
            "-XX:+UseSerialGC",
            "-XX:TieredStopAtLevel=1",
            "-Xss512k",
            "-Xmx256m",
            "-XX:MaxMetaspaceSize=160m",
            "-XX:ReservedCodeCacheSize=64m",
            "-Xshare:auto");

    private JvmOptions() {
    }
}
