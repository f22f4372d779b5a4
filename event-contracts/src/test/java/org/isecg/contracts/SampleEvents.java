package org.isecg.contracts;

import static org.isecg.contracts.roadmap.Capability.COMMUNICATIONS_RELAY;
import static org.isecg.contracts.roadmap.Capability.CREW_TRANSPORT;
import static org.isecg.contracts.roadmap.Capability.HABITAT;
import static org.isecg.contracts.roadmap.Capability.LANDER;
import static org.isecg.contracts.roadmap.Capability.LOGISTICS;
import static org.isecg.contracts.roadmap.Capability.NAVIGATION;
import static org.isecg.contracts.roadmap.Capability.ROVER;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.isecg.contracts.agency.AgencyDeactivated;
import org.isecg.contracts.agency.AgencyKind;
import org.isecg.contracts.agency.AgencyReactivated;
import org.isecg.contracts.agency.AgencyRegistered;
import org.isecg.contracts.agency.AgencyStatus;
import org.isecg.contracts.agency.AgencyUpdated;
import org.isecg.contracts.agency.Membership;
import org.isecg.contracts.overlap.OverlapAcknowledged;
import org.isecg.contracts.overlap.OverlapDismissed;
import org.isecg.contracts.overlap.OverlapKind;
import org.isecg.contracts.overlap.OverlapOpened;
import org.isecg.contracts.overlap.OverlapResolved;
import org.isecg.contracts.overlap.OverlapUpdated;
import org.isecg.contracts.overlap.Severity;
import org.isecg.contracts.roadmap.Destination;
import org.isecg.contracts.roadmap.PlanCreated;
import org.isecg.contracts.roadmap.PlanStatus;
import org.isecg.contracts.roadmap.PlanUpdated;
import org.isecg.contracts.roadmap.PlanWithdrawn;
import org.isecg.contracts.roadmap.StandardRef;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.KeyParameter;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionAdded;
import org.isecg.contracts.standard.RevisionBaselined;
import org.isecg.contracts.standard.RevisionRetired;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardPublishedV2;
import org.isecg.contracts.standard.StandardRevised;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;
import org.isecg.contracts.standard.StandardUpdated;
import org.junit.jupiter.api.Named;

/**
 * Realistic events of every published type, from the ISECG facts in {@code shared/data}: for each
 * type one with every optional field set and, where the type has optional fields, one without them.
 */
final class SampleEvents {

    private static final Set<String> ESA_MEMBER_STATES = Set.of(
            "AT", "BE", "CZ", "DK", "EE", "FI", "FR", "DE", "GR", "HU", "IE", "IT", "LU", "NL", "NO", "PL",
            "PT", "RO", "ES", "SE", "CH", "GB", "SI");

    private static final Instant DETECTED = Instant.parse("2025-03-14T09:30:12.345Z");

    private SampleEvents() {
    }

    /** Every sample, named for test reports. */
    static Stream<Named<DomainEvent>> all() {
        return Stream.of(
                Named.of("ESA registered, every field", esaRegistered()),
                Named.of("MBRSC registered, no member year or contact", mbrscRegistered()),
                Named.of("NASA updated, every field", nasaUpdated()),
                Named.of("CMSA updated, no member year or contact", cmsaUpdated()),
                Named.of("UKSA deactivated, every field", uksaDeactivated()),
                Named.of("CMSA deactivated, no member year, contact or reason", cmsaDeactivated()),
                Named.of("UKSA reactivated, every field", uksaReactivated()),
                Named.of("CMSA reactivated, no member year, contact or reason", cmsaReactivated()),
                Named.of("Gateway I-Hab created, every field", gatewayIHabCreated()),
                Named.of("Lunar Pathfinder created, no region", lunarPathfinderCreated()),
                Named.of("Artemis III updated, every field", artemisIiiUpdated()),
                Named.of("Queqiao-2 updated, no region", queqiao2Updated()),
                Named.of("VIPER withdrawn, with a reason", viperWithdrawn()),
                Named.of("VIPER withdrawn, no reason", viperWithdrawnWithoutReason()),
                Named.of("IDSS published, every field", idssPublished()),
                Named.of("IRSIS published, no publication date", irsisPublished()),
                Named.of("ISPSIS revised, every field", ispsisRevised()),
                Named.of("ISCSIS revised, one revision without a date", iscsisRevised()),
                Named.of("IDSS published (v2), every field", idssPublishedV2()),
                Named.of("LTC published (v2), no revision or description", ltcPublishedV2()),
                Named.of("LNIS updated, stewards changed", lnisUpdated()),
                Named.of("IDSS revision G added", idssRevisionAdded()),
                Named.of("IDSS revision G baselined, F superseded", idssRevisionBaselined()),
                Named.of("LSPG trade study baselined, none superseded", lspgRevisionBaselined()),
                Named.of("ISCSIS revision A retired", iscsisRevisionRetired()),
                Named.of("communications gap opened, every field", communicationsGapOpened()),
                Named.of("relay cooperation opened, no region or domain", relayCooperationOpened()),
                Named.of("communications gap updated, every field", communicationsGapUpdated()),
                Named.of("rover duplication updated, no region or domain", roverDuplicationUpdated()),
                Named.of("relay cooperation resolved", relayCooperationResolved()),
                Named.of("south pole duplication acknowledged", southPoleDuplicationAcknowledged()),
                Named.of("relay cooperation dismissed", relayCooperationDismissed()));
    }

    static AgencyRegistered esaRegistered() {
        return new AgencyRegistered("ESA", 1, "European Space Agency", ESA_MEMBER_STATES,
                AgencyKind.INTERGOVERNMENTAL_ORGANISATION, Membership.MEMBER, 2007, "esa-isecg-liaison@example.org",
                "https://www.esa.int", AgencyStatus.ACTIVE);
    }

    static AgencyRegistered mbrscRegistered() {
        return new AgencyRegistered("MBRSC", 1, "Mohammed bin Rashid Space Centre", Set.of("AE"),
                AgencyKind.NATIONAL_AGENCY, Membership.NON_MEMBER, null, null, null, AgencyStatus.ACTIVE);
    }

    static AgencyUpdated nasaUpdated() {
        return new AgencyUpdated("NASA", 4, "National Aeronautics and Space Administration", Set.of("US"),
                AgencyKind.NATIONAL_AGENCY, Membership.MEMBER, 2007, "nasa-isecg-liaison@example.org",
                "https://www.nasa.gov", AgencyStatus.ACTIVE);
    }

    static AgencyUpdated cmsaUpdated() {
        return new AgencyUpdated("CMSA", 2, "China Manned Space Agency", Set.of("CN"),
                AgencyKind.NATIONAL_AGENCY, Membership.NON_MEMBER, null, null, null, AgencyStatus.INACTIVE);
    }

    static AgencyDeactivated uksaDeactivated() {
        return new AgencyDeactivated("UKSA", 3, "UK Space Agency", Set.of("GB"), AgencyKind.NATIONAL_AGENCY,
                Membership.MEMBER, 2011, "uksa-isecg-liaison@example.org", "https://www.gov.uk/government/organisations/uk-space-agency",
                AgencyStatus.INACTIVE, "liaison post vacant until the next plenary");
    }

    static AgencyDeactivated cmsaDeactivated() {
        return new AgencyDeactivated("CMSA", 3, "China Manned Space Agency", Set.of("CN"),
                AgencyKind.NATIONAL_AGENCY, Membership.NON_MEMBER, null, null, null, AgencyStatus.INACTIVE, null);
    }

    static AgencyReactivated uksaReactivated() {
        return new AgencyReactivated("UKSA", 4, "UK Space Agency", Set.of("GB"), AgencyKind.NATIONAL_AGENCY,
                Membership.MEMBER, 2011, "uksa-isecg-liaison@example.org", "https://www.gov.uk/government/organisations/uk-space-agency",
                AgencyStatus.ACTIVE, "new liaison named");
    }

    static AgencyReactivated cmsaReactivated() {
        return new AgencyReactivated("CMSA", 4, "China Manned Space Agency", Set.of("CN"),
                AgencyKind.NATIONAL_AGENCY, Membership.NON_MEMBER, null, null, null, AgencyStatus.ACTIVE, null);
    }

    static PlanCreated gatewayIHabCreated() {
        return new PlanCreated("M04", "ESA", 1, "Gateway I-Hab and ESPRIT refuelling and Lunar Link",
                Destination.CISLUNAR_SPACE, "NRHO", Set.of(HABITAT, COMMUNICATIONS_RELAY, LOGISTICS),
                LocalDate.of(2027, 1, 1), LocalDate.of(2042, 12, 31), PlanStatus.IN_DEVELOPMENT,
                Set.of("NASA"),
                Set.of(new StandardRef("IDSS", "F"), new StandardRef("ISPSIS", "A"), new StandardRef("ISCSIS", "B")),
                Set.of("M03"));
    }

    static PlanCreated lunarPathfinderCreated() {
        return new PlanCreated("M09", "ESA", 1, "Lunar Pathfinder",
                Destination.MOON, null, Set.of(COMMUNICATIONS_RELAY),
                LocalDate.of(2026, 1, 1), LocalDate.of(2033, 12, 31), PlanStatus.IN_DEVELOPMENT,
                Set.of(), Set.of(new StandardRef("LNIS", "V4"), new StandardRef("CCSDS-211", "211.0-B")),
                Set.of("M13"));
    }

    static PlanUpdated artemisIiiUpdated() {
        return new PlanUpdated("M02", "NASA", 3, "Artemis III",
                Destination.MOON, "SOUTH_POLE", Set.of(CREW_TRANSPORT, LANDER),
                LocalDate.of(2027, 6, 1), LocalDate.of(2028, 12, 31), PlanStatus.IN_DEVELOPMENT,
                Set.of(), Set.of(new StandardRef("IDSS", "F"), new StandardRef("LNIS", "V4")), Set.of());
    }

    static PlanUpdated queqiao2Updated() {
        return new PlanUpdated("M10", "CNSA", 2, "Queqiao-2 relay satellite",
                Destination.MOON, null, Set.of(COMMUNICATIONS_RELAY),
                LocalDate.of(2024, 3, 20), LocalDate.of(2032, 3, 20), PlanStatus.OPERATING,
                Set.of(), Set.of(new StandardRef("QQ2-LINK", "2024")), Set.of());
    }

    static PlanWithdrawn viperWithdrawn() {
        return new PlanWithdrawn("M11", "NASA", 5, "VIPER was cancelled in July 2024; its instruments go to other missions.");
    }

    static PlanWithdrawn viperWithdrawnWithoutReason() {
        return new PlanWithdrawn("M11", "NASA", 5, null);
    }

    static StandardPublished idssPublished() {
        Set<String> deepSpaceStewards = Set.of("NASA", "CSA", "ESA", "JAXA", "ROSCOSMOS");
        return new StandardPublished("IDSS", 1, "International Docking System Standard (Interface Definition Document)",
                InterfaceDomain.DOCKING, deepSpaceStewards, List.of(
                        new Revision("E", RevisionStatus.SUPERSEDED, "2016-10",
                                Map.of("passage_diameter", "800 mm", "androgynous", "true")),
                        new Revision("F", RevisionStatus.BASELINED, "2022-07",
                                Map.of("passage_diameter", "800 mm", "androgynous", "true",
                                        "transfers", "power/data/commands/air"))));
    }

    static StandardPublished irsisPublished() {
        return new StandardPublished("IRSIS", 1, "International Rendezvous System Interoperability Standard",
                InterfaceDomain.RENDEZVOUS, Set.of("NASA", "CSA", "ESA", "JAXA", "ROSCOSMOS"),
                List.of(new Revision("Baseline", RevisionStatus.BASELINED, null, null)));
    }

    static StandardRevised ispsisRevised() {
        return new StandardRevised("ISPSIS", 2, "International Space Power System Interoperability Standard",
                InterfaceDomain.POWER, Set.of("NASA", "CSA", "ESA", "JAXA", "ROSCOSMOS"), List.of(
                        new Revision("Baseline", RevisionStatus.SUPERSEDED, "2019-03", Map.of("bus_voltage", "120 V DC")),
                        new Revision("A", RevisionStatus.BASELINED, "2022-07", Map.of("bus_voltage", "120 V DC"))));
    }

    static StandardRevised iscsisRevised() {
        return new StandardRevised("ISCSIS", 2, "International Communication System Interoperability Standard",
                InterfaceDomain.COMMUNICATIONS, Set.of("NASA", "CSA", "ESA", "JAXA", "ROSCOSMOS"), List.of(
                        new Revision("A", RevisionStatus.SUPERSEDED, null, Map.of()),
                        new Revision("B", RevisionStatus.BASELINED, "2024-04", Map.of())));
    }

    private static final Set<String> DEEP_SPACE_STEWARDS = Set.of("NASA", "CSA", "ESA", "JAXA", "ROSCOSMOS");

    private static final List<KeyParameter> IDSS_E_PARAMETERS = List.of(
            new KeyParameter("passage_diameter", "800", "mm"), new KeyParameter("androgynous", "true", null));

    private static StandardState idss(long version, List<StandardRevision> revisions) {
        return new StandardState("IDSS", version, "International Docking System Standard (Interface Definition Document)",
                InterfaceDomain.DOCKING, "The interface of docking systems between visiting vehicles and stations.",
                DEEP_SPACE_STEWARDS, revisions);
    }

    private static StandardRevision idssE() {
        return new StandardRevision("E", RevisionStatus.SUPERSEDED, "2016-10", IDSS_E_PARAMETERS);
    }

    private static StandardRevision idssF(RevisionStatus status) {
        return new StandardRevision("F", status, "2022-07", List.of(new KeyParameter("passage_diameter", "800", "mm"),
                new KeyParameter("androgynous", "true", null), new KeyParameter("transfers", "power/data/commands/air", null)));
    }

    static StandardPublishedV2 idssPublishedV2() {
        return new StandardPublishedV2(idss(1, List.of(idssE(), idssF(RevisionStatus.BASELINED))));
    }

    static StandardPublishedV2 ltcPublishedV2() {
        return new StandardPublishedV2(new StandardState("LTC", 1, "Coordinated Lunar Time", InterfaceDomain.NAVIGATION,
                null, Set.of("NASA"), List.of()));
    }

    static StandardUpdated lnisUpdated() {
        return new StandardUpdated(new StandardState("LNIS", 3, "LunaNet Interoperability Specification",
                InterfaceDomain.COMMUNICATIONS, null, Set.of("NASA", "ESA", "JAXA"), List.of(
                        new StandardRevision("V001-draft", RevisionStatus.SUPERSEDED, "2021-09", List.of()),
                        new StandardRevision("V4", RevisionStatus.BASELINED, "2022-09",
                                List.of(new KeyParameter("afs_band", "2483.5-2500", "MHz"))))));
    }

    private static StandardRevision idssG(RevisionStatus status) {
        return new StandardRevision("G", status, null, IDSS_E_PARAMETERS);
    }

    static RevisionAdded idssRevisionAdded() {
        return new RevisionAdded(idss(2, List.of(idssE(), idssF(RevisionStatus.BASELINED), idssG(RevisionStatus.DRAFT))), "G");
    }

    static RevisionBaselined idssRevisionBaselined() {
        return new RevisionBaselined(idss(3, List.of(idssE(), idssF(RevisionStatus.SUPERSEDED),
                idssG(RevisionStatus.BASELINED))), "G", "F");
    }

    static RevisionBaselined lspgRevisionBaselined() {
        return new RevisionBaselined(new StandardState("LSPG", 2, "Lunar surface power grid concept", InterfaceDomain.POWER,
                null, Set.of("NASA"), List.of(new StandardRevision("2022-trade-study", RevisionStatus.BASELINED, "2022",
                        List.of(new KeyParameter("transmission", "3", "kV AC"))))), "2022-trade-study", null);
    }

    static RevisionRetired iscsisRevisionRetired() {
        return new RevisionRetired(new StandardState("ISCSIS", 3, "International Communication System Interoperability Standard",
                InterfaceDomain.COMMUNICATIONS, null, DEEP_SPACE_STEWARDS, List.of(
                        new StandardRevision("A", RevisionStatus.RETIRED, null, List.of()),
                        new StandardRevision("B", RevisionStatus.BASELINED, "2024-04", List.of()))), "A");
    }

    /** Artemis III (LNIS V4) and Chang'e-7 (Queqiao-2 link) both at the south pole, on disjoint communications standards. */
    static OverlapOpened communicationsGapOpened() {
        return new OverlapOpened("INTEROPERABILITY_GAP:M02+M26:COMMUNICATIONS", 1,
                OverlapKind.INTEROPERABILITY_GAP, Severity.MEDIUM, List.of("M02", "M26"), Set.of("NASA", "CNSA"),
                Destination.MOON, "SOUTH_POLE", Set.of(), InterfaceDomain.COMMUNICATIONS,
                "Artemis III (NASA) and Chang'e-7 (CNSA) overlap at the lunar south pole in 2027-2028 but declare"
                        + " disjoint communications standards (LNIS V4; QQ2-LINK 2024).",
                DETECTED);
    }

    /** ESA's Lunar Pathfinder names no region, so it relays for Artemis III wherever on the Moon it lands. */
    static OverlapOpened relayCooperationOpened() {
        return new OverlapOpened("COOPERATION_OPPORTUNITY:M02+M09", 1,
                OverlapKind.COOPERATION_OPPORTUNITY, Severity.MEDIUM, List.of("M02", "M09"), Set.of("NASA", "ESA"),
                Destination.MOON, null, Set.of(COMMUNICATIONS_RELAY, CREW_TRANSPORT, LANDER), null,
                "ESA's Lunar Pathfinder relay could serve NASA's Artemis III crew lander on the Moon in 2027-2028.",
                DETECTED);
    }

    /** LCRNS (a relay) and ILRS at the south pole on disjoint communications standards: high, since one provides the service. */
    static OverlapUpdated communicationsGapUpdated() {
        return new OverlapUpdated("INTEROPERABILITY_GAP:M07+M28:COMMUNICATIONS", 2,
                OverlapKind.INTEROPERABILITY_GAP, Severity.HIGH, List.of("M07", "M28"), Set.of("NASA", "CNSA"),
                Destination.MOON, "SOUTH_POLE", Set.of(COMMUNICATIONS_RELAY, NAVIGATION), InterfaceDomain.COMMUNICATIONS,
                "NASA's LCRNS relay and CNSA's ILRS both serve the lunar south pole from 2030 on disjoint"
                        + " communications standards (LNIS V4; QQ2-LINK 2024).",
                DETECTED.plusSeconds(86_400));
    }

    static OverlapUpdated roverDuplicationUpdated() {
        return new OverlapUpdated("DUPLICATION:M29+M34", 2,
                OverlapKind.DUPLICATION, Severity.HIGH, List.of("M29", "M34"), Set.of("CMSA", "CSA"),
                Destination.MOON, null, Set.of(ROVER), null,
                "CMSA's crewed landing and CSA's lunar utility rover both bring a rover to the Moon in 2029.",
                DETECTED.plusSeconds(3_600));
    }

    static OverlapResolved relayCooperationResolved() {
        return new OverlapResolved("COOPERATION_OPPORTUNITY:M02+M09", 2,
                OverlapKind.COOPERATION_OPPORTUNITY, Severity.MEDIUM, List.of("M02", "M09"), Set.of("NASA", "ESA"),
                "Artemis III's window moved past Lunar Pathfinder's.", DETECTED.plusSeconds(7 * 86_400));
    }

    /** LCRNS and Moonlight: two relay and navigation services for the south pole, by agencies that are not partners. */
    static OverlapAcknowledged southPoleDuplicationAcknowledged() {
        return new OverlapAcknowledged("DUPLICATION:M07+M08", 3,
                OverlapKind.DUPLICATION, Severity.HIGH, List.of("M07", "M08"), Set.of("NASA", "ESA"), "ESA",
                "Moonlight and LCRNS are meant to interoperate through LunaNet; ESA and NASA coordinate coverage.",
                DETECTED.plusSeconds(2 * 86_400));
    }

    static OverlapDismissed relayCooperationDismissed() {
        return new OverlapDismissed("COOPERATION_OPPORTUNITY:M02+M09", 2,
                OverlapKind.COOPERATION_OPPORTUNITY, Severity.MEDIUM, List.of("M02", "M09"), Set.of("NASA", "ESA"), "NASA",
                "Artemis III relies on LCRNS at the south pole.", DETECTED.plusSeconds(3 * 86_400));
    }
}
