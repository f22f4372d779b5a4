package org.isecg.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyReactivated;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionAdded;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardPublishedV2;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;

/** The events of the agency register and the standards catalogue that the roadmap's replicas are built from. */
public final class UpstreamFacts {

    private UpstreamFacts() {
    }

    /** An agency or standard code no other test uses: the topics and replicas are shared by the module's tests. */
    public static String uniqueCode(String initial) {
        return initial + UUID.randomUUID().toString().replace("-", "").substring(0, 9).toUpperCase();
    }

    public static AgencyRegistered agencyRegistered(String code) {
        return new AgencyRegistered(code, 1, "Space Agency " + code, Set.of("FR"), AgencyKind.NATIONAL_AGENCY,
                Membership.MEMBER, 2010, null, null, AgencyStatus.ACTIVE);
    }

    public static AgencyUpdated agencyUpdated(String code, long version, AgencyStatus status) {
        return new AgencyUpdated(code, version, "Space Agency " + code, Set.of("FR"), AgencyKind.NATIONAL_AGENCY,
                Membership.MEMBER, 2010, null, null, status);
    }

    public static AgencyDeactivated agencyDeactivated(String code, long version) {
        return new AgencyDeactivated(code, version, "Space Agency " + code, Set.of("FR"), AgencyKind.NATIONAL_AGENCY,
                Membership.MEMBER, 2010, null, null, AgencyStatus.INACTIVE, "left the group");
    }

    public static AgencyReactivated agencyReactivated(String code, long version) {
        return new AgencyReactivated(code, version, "Space Agency " + code, Set.of("FR"), AgencyKind.NATIONAL_AGENCY,
                Membership.MEMBER, 2010, null, null, AgencyStatus.ACTIVE, null);
    }

    /** A docking standard with the given revisions at version 1: the newest baselined, those before it superseded. */
    public static StandardPublishedV2 standardPublished(String code, String... revisions) {
        return new StandardPublishedV2(standard(code, 1, revisions));
    }

    /** The draft revision {@code added} joined the given ones (as in {@link #standardPublished}) at that version. */
    public static RevisionAdded revisionAdded(String code, long version, String added, String... revisions) {
        List<StandardRevision> all = new ArrayList<>(baselined(revisions));
        all.add(new StandardRevision(added, RevisionStatus.DRAFT, "2026", List.of()));
        return new RevisionAdded(new StandardState(code, version, "Docking standard " + code, InterfaceDomain.DOCKING,
                null, Set.of("NASA"), all), added);
    }

    /** The same standard as the producer's v1 side channel still publishes it, which the roadmap no longer reads. */
    public static StandardPublished standardPublishedV1(String code, long version, String... revisions) {
        return new StandardPublished(code, version, "Docking standard " + code, InterfaceDomain.DOCKING, Set.of("NASA"),
                List.of(revisions).stream()
                        .map(label -> new Revision(label, RevisionStatus.BASELINED, "2020", Map.of())).toList());
    }

    private static StandardState standard(String code, long version, String... revisions) {
        return new StandardState(code, version, "Docking standard " + code, InterfaceDomain.DOCKING, null,
                Set.of("NASA"), baselined(revisions));
    }

    private static List<StandardRevision> baselined(String... labels) {
        List<StandardRevision> revisions = new ArrayList<>();
        for (int i = 0; i < labels.length; i++) {
            RevisionStatus status = i == labels.length - 1 ? RevisionStatus.BASELINED : RevisionStatus.SUPERSEDED;
            revisions.add(new StandardRevision(labels[i], status, "2020", List.of()));
        }
        return revisions;
    }
}
