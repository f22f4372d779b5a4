package org.isecg.seeding;

import org.isecg.seeding.api.HubApi;

/**
 * One kind of reference data and how it goes into a deployment through the API. The register's agencies are
 * the first, the catalogue's standards the second; the roadmap's plans come as another of these.
 */
public interface Dataset {

    /** The name on the command line ({@code --dataset agencies}) and in the report. */
    String name();

    /**
     * Brings the deployment in line with the dataset where no person has changed it, and says what it did.
     *
     * @param seedingClient the client id whose writes are seeding's own (the histories name it)
     * @param dryRun        read and decide, write nothing
     */
    SeedReport.Section seed(HubApi api, String seedingClient, boolean dryRun);
}
