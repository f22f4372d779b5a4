package org.isecg.standards.catalogue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.isecg.contracts.SortedSets;
import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.KeyParameter;
import org.isecg.contracts.standard.Revision;
import org.isecg.contracts.standard.RevisionAdded;
import org.isecg.contracts.standard.RevisionBaselined;
import org.isecg.contracts.standard.RevisionRetired;
import org.isecg.contracts.standard.RevisionStatus;
import org.isecg.contracts.standard.StandardChange;
import org.isecg.contracts.standard.StandardEvent;
import org.isecg.contracts.standard.StandardPublished;
import org.isecg.contracts.standard.StandardPublishedV2;
import org.isecg.contracts.standard.StandardRevised;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;
import org.isecg.contracts.standard.StandardUpdated;
import org.isecg.web.problem.ConflictException;
import org.isecg.web.problem.HubProblem;
import org.isecg.web.problem.NotFoundException;

/**
 * An interface standard and its revisions, oldest first, with the changes the catalogue allows. Plain
 * Java: each change returns the standard at its next version with the event that announces it, or
 * fails with the problem a client is answered.
 *
 * @param description what the standard covers; null when none is recorded
 * @param stewards    codes of the agencies that maintain it
 */
public record Standard(String code, long version, String title, InterfaceDomain domain, String description,
        Set<String> stewards, List<StandardRevision> revisions, Instant publishedAt, Instant updatedAt) {

    public Standard {
        stewards = SortedSets.copyOf(stewards);
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
    }

    /** A standard and the event of the write that made it. */
    record Written(Standard standard, StandardChange event) {
    }

    /** The details a board may change at any time; the revisions change only one at a time, by their own operations. */
    record Details(String title, InterfaceDomain domain, String description, Set<String> stewards) {
    }

    /** A new standard at version 1, its revisions as given: history is loaded as it happened. */
    static Written publish(String code, Details details, List<StandardRevision> revisions, Instant at) {
        Standard standard = new Standard(code, 1, details.title(), details.domain(), details.description(),
                details.stewards(), revisions, at, at);
        return new Written(standard, new StandardPublishedV2(standard.state()));
    }

    Written withDetails(Details details, Instant at) {
        Standard next = new Standard(code, version + 1, details.title(), details.domain(), details.description(),
                details.stewards(), revisions, publishedAt, at);
        return new Written(next, new StandardUpdated(next.state()));
    }

    /** Adds the revision as a {@link RevisionStatus#DRAFT}; a label the standard already has is a conflict. */
    Written withDraft(StandardRevision draft, Instant at) {
        if (revision(draft.revision()).isPresent()) {
            throw new ConflictException("Standard " + code + " already has a revision '" + draft.revision()
                    + "'; a revision's label is unique within its standard.");
        }
        List<StandardRevision> next = new ArrayList<>(revisions);
        next.add(draft.withStatus(RevisionStatus.DRAFT));
        Standard added = withRevisions(next, at);
        return new Written(added, new RevisionAdded(added.state(), draft.revision()));
    }

    /**
     * Baselines the draft; the revision baselined until now becomes {@link RevisionStatus#SUPERSEDED}
     * in the same change, so that at most one is baselined at any version.
     */
    Written baseline(String label, Instant at) {
        StandardRevision baselining = existing(label);
        if (baselining.status() != RevisionStatus.DRAFT) {
            throw new ConflictException("Revision '" + label + "' of " + code + " is " + baselining.status()
                    + "; only a DRAFT revision can be baselined.");
        }
        String superseded = state().baselined().map(StandardRevision::revision).orElse(null);
        List<StandardRevision> next = revisions.stream().map(revision -> {
            if (revision.revision().equals(label)) {
                return revision.withStatus(RevisionStatus.BASELINED);
            }
            return revision.status() == RevisionStatus.BASELINED ? revision.withStatus(RevisionStatus.SUPERSEDED) : revision;
        }).toList();
        Standard baselined = withRevisions(next, at);
        return new Written(baselined, new RevisionBaselined(baselined.state(), label, superseded));
    }

    /** Retires the revision, whatever its status but {@link RevisionStatus#RETIRED}. */
    Written retire(String label, Instant at) {
        StandardRevision retiring = existing(label);
        if (retiring.status() == RevisionStatus.RETIRED) {
            throw new ConflictException("Revision '" + label + "' of " + code + " is already RETIRED.");
        }
        Standard retired = withRevisions(revisions.stream()
                .map(revision -> revision.revision().equals(label) ? revision.withStatus(RevisionStatus.RETIRED) : revision)
                .toList(), at);
        return new Written(retired, new RevisionRetired(retired.state(), label));
    }

    /**
     * The rules a standard as given breaks, each with the field it is about: each revision label
     * appears once, at most one revision is baselined, and a parameter name appears once per revision.
     */
    List<HubProblem.FieldError> violations() {
        List<HubProblem.FieldError> violations = new ArrayList<>();
        Set<String> labels = new HashSet<>();
        List<String> baselined = new ArrayList<>();
        for (int i = 0; i < revisions.size(); i++) {
            StandardRevision revision = revisions.get(i);
            if (!labels.add(revision.revision())) {
                violations.add(new HubProblem.FieldError("revisions[" + i + "].revision",
                        "revision '" + revision.revision() + "' appears more than once"));
            }
            if (revision.status() == RevisionStatus.BASELINED) {
                baselined.add(revision.revision());
            }
            violations.addAll(parameterViolations(revision.keyParameters(), "revisions[" + i + "].keyParameters"));
        }
        if (baselined.size() > 1) {
            violations.add(new HubProblem.FieldError("revisions", "revisions " + String.join(", ", baselined)
                    + " are all BASELINED; at most one revision is baselined at a time"));
        }
        return violations;
    }

    /** A parameter name repeated within one revision, named at each repetition. */
    static List<HubProblem.FieldError> parameterViolations(List<KeyParameter> parameters, String field) {
        List<HubProblem.FieldError> violations = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (!names.add(parameters.get(i).name())) {
                violations.add(new HubProblem.FieldError(field + "[" + i + "].name",
                        "parameter '" + parameters.get(i).name() + "' appears more than once in the revision"));
            }
        }
        return violations;
    }

    StandardState state() {
        return new StandardState(code, version, title, domain, description, stewards, revisions);
    }

    /**
     * The v1 event published beside this version's v2 one, for the readers that have not moved: none
     * while the standard has no revision (v1 requires one), {@link StandardPublished} for its first and
     * {@link StandardRevised} after; each parameter's value and unit as one text.
     *
     * @param hadRevisions whether the version before this one had a revision, i.e. v1 readers know the standard
     */
    Optional<StandardEvent> v1Twin(boolean hadRevisions) {
        if (revisions.isEmpty()) {
            return Optional.empty();
        }
        List<Revision> v1 = revisions.stream().map(Standard::v1Revision).toList();
        return Optional.of(hadRevisions
                ? new StandardRevised(code, version, title, domain, stewards, v1)
                : new StandardPublished(code, version, title, domain, stewards, v1));
    }

    private static Revision v1Revision(StandardRevision revision) {
        Map<String, String> parameters = new LinkedHashMap<>();
        revision.keyParameters().forEach(parameter -> parameters.put(parameter.name(), parameter.asText()));
        return new Revision(revision.revision(), revision.status(), revision.published(), parameters);
    }

    private Optional<StandardRevision> revision(String label) {
        return revisions.stream().filter(revision -> revision.revision().equals(label)).findFirst();
    }

    private StandardRevision existing(String label) {
        return revision(label).orElseThrow(() -> new NotFoundException("revision", code + "/" + label));
    }

    private Standard withRevisions(List<StandardRevision> next, Instant at) {
        return new Standard(code, version + 1, title, domain, description, stewards, next, publishedAt, at);
    }
}
