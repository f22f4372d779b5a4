package org.isecg.localstack;

/** A stand-in for a service that fails during start-up, as one with a broken configuration would. */
public final class CrashingMain {

    private CrashingMain() {
    }

    public static void main(String[] args) {
        System.err.println("crashing on purpose: no configuration for this test service");
        System.exit(3);
    }
}
