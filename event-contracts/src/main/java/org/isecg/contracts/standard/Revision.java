package org.isecg.contracts.standard;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * One revision of a standard.
 *
 * @param revision      its label, e.g. {@code F} or {@code Baseline}
 * @param published     when it was published, as precisely as known: {@code 2022}, {@code 2022-07}
 * @param keyParameters the parameters an implementer checks first, e.g. {@code bus_voltage=120 V DC}
 */
public record Revision(String revision, RevisionStatus status, String published, Map<String, String> keyParameters) {

    public Revision {
        keyParameters = keyParameters == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(keyParameters));
    }
}
