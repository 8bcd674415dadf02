package org.dossier.gateway.graphql;

/** Request limits that hold for every field. */
final class Limits {

    static final int MAX_PAGE_SIZE = 500;

    private Limits() {
    }

    static int pageSize(int first) {
        if (first < 0 || first > MAX_PAGE_SIZE) {
            throw new LimitExceededException("first must be between 0 and " + MAX_PAGE_SIZE + " (maximum page size), was " + first);
        }
        return first;
    }
}
