package org.isecg.notification.detection;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.util.List;
import java.util.UUID;

import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.standard.InterfaceDomain;

/**
 * An overlap's id derives from what it is about (kind, sorted plan ids, domain where one applies),
 * so that finding it again, on any instance, after any crash, names the same overlap.
 */
public final class OverlapId {

    private OverlapId() {
    }

    public static String of(OverlapKind kind, List<String> planIds, InterfaceDomain domain) {
        StringBuilder key = new StringBuilder(kind.name());
        planIds.stream().sorted().forEach(id -> key.append('|').append(id));
        if (domain != null) {
            key.append('|').append(domain.name());
        }
        return UUID.nameUUIDFromBytes(key.toString().getBytes(UTF_8)).toString();
    }
}
