package org.isecg.seeding.api;

/** Where the access tokens of the Hub's API come from; asked before every request. */
@FunctionalInterface
public interface TokenSource {

    /** A token that is good for at least one more request. */
    String token();
}
