package org.isecg.notification.detection;

import java.util.List;

import org.isecg.contracts.overlap.OverlapKind;

/** An overlap already on record that involves the plan being examined. */
public record KnownOverlap(String overlapId, OverlapKind kind, List<String> planIds, boolean open) {
}
