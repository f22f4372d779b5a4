package org.isecg.identity.client;

import java.util.List;

/** The configured clients cannot be used as they are; the start stops with every problem listed. */
public final class InvalidClientsException extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final transient List<String> problems;

    public InvalidClientsException(List<String> problems) {
        super("The configured clients are not usable:" + System.lineSeparator() + "  - "
                + String.join(System.lineSeparator() + "  - ", problems));
        this.problems = List.copyOf(problems);
    }

    /** One line per problem, each naming the property it is about. */
    public List<String> problems() {
        return problems;
    }
}
