/**
 * Fault points for crash tests: named places in a service where, when armed by configuration, the
 * JVM halts as a {@code kill -9} would stop it. None is armed unless configured.
 */
package org.isecg.events.faults;
