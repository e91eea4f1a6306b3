package kz.opendata.hub.cli;

import java.nio.file.Path;
import java.util.List;
import kz.opendata.hub.passport.Language;
import kz.opendata.hub.passport.PassportDocuments;

/**
 * Parsed arguments of {@code analyze FILE --out DIR [--lang kk|ru|en] [--agency CODE]}.
 *
 * @param agency code of the supplying agency, or null when not given
 * @param help true when {@code --help} or {@code -h} was given; the other fields may then be null
 */
record AnalyzeArguments(Path file, Path out, Language language, String agency, boolean help) {

    /** Command shown in the usage text when the system property {@value #COMMAND_PROPERTY} is not set. */
    static final String DEFAULT_COMMAND = "java -jar opendata-hub.jar analyze";

    /** System property in which a launcher script sets the name it was run by, for the usage text. */
    static final String COMMAND_PROPERTY = "hub.analyze.command";

    private static final String USAGE = """
            Usage: %s FILE --out DIR [--lang kk|ru|en] [--agency CODE]

            Analyses one unload without starting the hub: CSV, TSV or text export, XLS, XLSX, JSON,
            XML or DBF, also inside a ZIP or GZIP file. Writes into DIR:
              analysis.json     the analysis report
              passport.json     the drafted technological passport
              datapackage.json  the Frictionless data package descriptor
              passport.html     the passport as the agency reads it
              passport.pdf      the same document as PDF

            Options:
              --out DIR        folder for the documents, created when missing
              --lang CODE      language of passport.html and passport.pdf: kk, ru or en (default ru)
              --agency CODE    code of the supplying agency, which prefixes the data set's name
              -h, --help       print this text

            Exit status: 0 on success, 2 when FILE cannot be read or the arguments are invalid,
            1 on any other failure.
            """;

    /** Returns the usage text, naming the command as the launcher ran it. */
    static String usage() {
        return USAGE.formatted(System.getProperty(COMMAND_PROPERTY, DEFAULT_COMMAND));
    }

    /**
     * Parses the arguments after the command name.
     *
     * @throws IllegalArgumentException with a message naming the invalid or missing argument
     */
    static AnalyzeArguments parse(String[] args) {
        if (args.length == 0 || !AnalyzeCommand.NAME.equals(args[0])) {
            throw new IllegalArgumentException("the first argument must be '" + AnalyzeCommand.NAME + "'");
        }
        Builder builder = new Builder();
        for (int i = 1; i < args.length; i++) {
            i = builder.accept(args, i);
        }
        return builder.build();
    }

    private static final class Builder {

        private static final List<String> VALUE_OPTIONS = List.of("--out", "--lang", "--agency");

        private Path file;
        private Path out;
        private Language language = PassportDocuments.DEFAULT_LANGUAGE;
        private String agency;
        private boolean help;

        /** Takes the argument at {@code i}, and its value, and returns the index of the last one used. */
        int accept(String[] args, int i) {
            String argument = args[i];
            int equals = argument.indexOf('=');
            String option = argument.startsWith("--") && equals > 0 ? argument.substring(0, equals) : argument;
            String inlineValue = option.equals(argument) ? null : argument.substring(equals + 1);
            if (option.equals("-h") || option.equals("--help")) {
                help = true;
                return i;
            }
            if (!VALUE_OPTIONS.contains(option)) {
                acceptFile(argument);
                return i;
            }
            String value = inlineValue;
            if (value == null && i + 1 < args.length) {
                value = args[i + 1];
            }
            if (value == null || value.isBlank()) {
                throw new IllegalArgumentException("option " + option + " is missing its value");
            }
            set(option, value);
            return inlineValue != null ? i : i + 1;
        }

        private void set(String option, String value) {
            switch (option) {
                case "--out" -> out = Path.of(value);
                case "--lang" -> language = Language.fromCode(value);
                default -> agency = value;
            }
        }

        private void acceptFile(String argument) {
            if (argument.startsWith("-")) {
                throw new IllegalArgumentException("unknown option '" + argument + "'");
            }
            if (file != null) {
                throw new IllegalArgumentException(
                        "expected one FILE, got '" + file + "' and '" + argument + "'; analyse one file per run");
            }
            file = Path.of(argument);
        }

        AnalyzeArguments build() {
            if (help) {
                return new AnalyzeArguments(file, out, language, agency, true);
            }
            if (file == null) {
                throw new IllegalArgumentException("FILE is missing");
            }
            if (out == null) {
                throw new IllegalArgumentException("--out DIR is missing");
            }
            return new AnalyzeArguments(file, out, language, agency, false);
        }
    }
}
