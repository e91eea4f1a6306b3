package kz.opendata.hub.exchange;

import java.util.List;

/** Signals an inventory form that cannot be read, with every problem found. */
public class InvalidInventoryFormException extends RuntimeException {

    private final List<FormProblem> problems;

    public InvalidInventoryFormException(String fileName, List<FormProblem> problems) {
        super("Inventory form " + fileName + " not accepted: "
                + String.join("; ", problems.stream().map(FormProblem::toString).toList()));
        this.problems = List.copyOf(problems);
    }

    public List<FormProblem> problems() {
        return problems;
    }
}
