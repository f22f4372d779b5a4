package org.isecg.notification.standards;

import java.util.List;
import java.util.Set;

import org.isecg.contracts.standard.InterfaceDomain;
import org.isecg.contracts.standard.StandardRevision;
import org.isecg.contracts.standard.StandardState;
import org.springframework.data.annotation.Id;

/** A standard as the projection stores it: the state its latest applied event carried, keyed by code. */
record StandardDocument(@Id String code, long version, String title, InterfaceDomain domain, String description,
        Set<String> stewards, List<StandardRevision> revisions) {

    StandardState state() {
        return new StandardState(code, version, title, domain, description, stewards, revisions);
    }
}
