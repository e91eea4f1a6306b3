package kz.opendata.hub.cli;

// TEMPORARY
public class AnalyzeCommand {
    public static final String NAME = "analyze";

    public AnalyzeCommand(java.io.PrintStream o, java.io.PrintStream e) {}

    public int run(String[] args) {
        return 1;
    }
}
