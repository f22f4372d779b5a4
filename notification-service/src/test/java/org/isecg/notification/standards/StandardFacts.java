package org.isecg.notification.standards;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.KeyParameter;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionAdded;
import org.isecg.contracts.standard.RevisionBaselined;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardPublishedV2;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;
import org.isecg.contracts.standard.StandardUpdated;

/**
 * Standard events as standards-service publishes them: a docking standard of a code no other test uses,
 * whose revisions are given oldest first, the newest baselined and those before it superseded.
 */
final class StandardFacts {

    private StandardFacts() {
    }

    static String uniqueCode() {
        return "STD-" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    }

    static StandardState standard(String code, long version, String title, String... revisions) {
        List<StandardRevision> all = new ArrayList<>();
        for (int i = 0; i < revisions.length; i++) {
            RevisionStatus status = i == revisions.length - 1 ? RevisionStatus.BASELINED : RevisionStatus.SUPERSEDED;
            all.add(new StandardRevision(revisions[i], status, "2020",
                    List.of(new KeyParameter("passage_diameter", "800", "mm"))));
        }
        return new StandardState(code, version, title, InterfaceDomain.DOCKING, "How two vehicles dock",
                Set.of("NASA", "ESA"), all);
    }

    static StandardPublishedV2 published(String code, String... revisions) {
        return new StandardPublishedV2(standard(code, 1, "Docking standard " + code, revisions));
    }

    static StandardUpdated updated(String code, long version, String title, String... revisions) {
        return new StandardUpdated(standard(code, version, title, revisions));
    }

    /** The draft {@code added} joined the (baselined and superseded) revisions at that version. */
    static RevisionAdded revisionAdded(String code, long version, String added, String... revisions) {
        StandardState before = standard(code, version, "Docking standard " + code, revisions);
        List<StandardRevision> all = new ArrayList<>(before.revisions());
        all.add(new StandardRevision(added, RevisionStatus.DRAFT, "2026", List.of()));
        return new RevisionAdded(withRevisions(before, all), added);
    }

    /** The draft {@code baselined} became the baseline, superseding the newest of {@code earlier}. */
    static RevisionBaselined revisionBaselined(String code, long version, String baselined, String... earlier) {
        List<String> labels = new ArrayList<>(List.of(earlier));
        labels.add(baselined);
        StandardState state = standard(code, version, "Docking standard " + code, labels.toArray(String[]::new));
        return new RevisionBaselined(state, baselined, earlier.length == 0 ? null : earlier[earlier.length - 1]);
    }

    /** The same standard as the producer's v1 side channel publishes it, which the notifier does not read. */
    static StandardPublished publishedV1(String code, long version, String... revisions) {
        return new StandardPublished(code, version, "Docking standard " + code, InterfaceDomain.DOCKING, Set.of("NASA"),
                List.of(revisions).stream()
                        .map(label -> new Revision(label, RevisionStatus.BASELINED, "2020", Map.of())).toList());
    }

    private static StandardState withRevisions(StandardState state, List<StandardRevision> revisions) {
        return new StandardState(state.code(), state.version(), state.title(), state.domain(), state.description(),
                state.stewards(), revisions);
    }
}
