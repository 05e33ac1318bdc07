package dev.tandem.routing;

import java.util.List;
import java.util.stream.Collectors;

/** A routing file, or a change to one, that cannot be applied: every problem found, not just the first. */
public final class RoutingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient List<RoutingProblem> problems;

    public RoutingException(List<RoutingProblem> problems) {
        super(problems.size() + (problems.size() == 1 ? " problem" : " problems") + " in the routing:\n"
                + problems.stream().map(p -> "  " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<RoutingProblem> problems() {
        return problems;
    }
}
