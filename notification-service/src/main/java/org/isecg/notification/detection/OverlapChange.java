package org.isecg.notification.detection;

import java.util.Map;

/** What detection concluded about one overlap; the store applies it unless newer plans already decided otherwise. */
public sealed interface OverlapChange {

    String overlapId();

    /** The plan versions behind the conclusion. */
    Map<String, Long> basis();

    /** The overlap holds, with these details: open it, reopen it, or update its details. */
    record Holds(Finding finding) implements OverlapChange {

        @Override
        public String overlapId() {
            return finding.overlapId();
        }

        @Override
        public Map<String, Long> basis() {
            return finding.basis();
        }
    }

    /** The overlap no longer holds: resolve it, saying why. */
    record Ended(String overlapId, String reason, Map<String, Long> basis) implements OverlapChange {

        public Ended {
            basis = Map.copyOf(basis);
        }
    }
}
