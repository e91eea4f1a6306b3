package kz.opendata.hub.campaign;

import java.util.List;

/** Signals a campaign request or list that cannot be used, with every problem found. */
public class InvalidCampaignException extends RuntimeException {

    private final List<String> problems;

    public InvalidCampaignException(List<String> problems) {
        super("Campaign not created: " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
