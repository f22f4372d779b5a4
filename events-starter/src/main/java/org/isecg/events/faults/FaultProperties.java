package org.isecg.events.faults;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Which fault points are armed. For crash tests only: a service in use arms none.
 *
 * @param haltAt the names of the points at which the JVM halts (for example
 *               {@code ISECG_FAULTS_HALT_AT=outbox.before-publish:overlaps}); empty by default
 */
@ConfigurationProperties("isecg.faults")
public record FaultProperties(@DefaultValue List<String> haltAt) {

    public FaultProperties {
        haltAt = haltAt == null ? List.of() : List.copyOf(haltAt);
    }
}
