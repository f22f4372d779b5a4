package org.isecg.roadmap;

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
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardRevised;

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

    /** A docking standard with the given revisions, all baselined, at version 1. */
    public static StandardPublished standardPublished(String code, String... revisions) {
        return new StandardPublished(code, 1, "Docking standard " + code, InterfaceDomain.DOCKING, Set.of("NASA"),
                revisions(revisions));
    }

    public static StandardRevised standardRevised(String code, long version, String... revisions) {
        return new StandardRevised(code, version, "Docking standard " + code, InterfaceDomain.DOCKING, Set.of("NASA"),
                revisions(revisions));
    }

    private static List<Revision> revisions(String... labels) {
        return List.of(labels).stream()
                .map(label -> new Revision(label, RevisionStatus.BASELINED, "2020", Map.of())).toList();
    }
}
