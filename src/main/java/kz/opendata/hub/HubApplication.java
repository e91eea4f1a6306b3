package kz.opendata.hub;

import kz.opendata.hub.cli.AnalyzeCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * Starts the hub, or runs a one-off command when the first argument names one.
 *
 * <p>{@code analyze FILE --out DIR} runs without Spring and without any route, so analysts and
 * benchmarks can analyse a file on a machine where the hub is not running.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HubApplication {

    /** Usage text printed for {@code --help} or {@code -h}, which would otherwise start the hub. */
    static final String USAGE = """
            Usage: java -jar opendata-hub.jar [--SETTING=VALUE ...]
                     starts the hub with the settings of ./config/application.yml, or its embedded
                     defaults when that file is missing; any setting may be given as --name=value
                   java -jar opendata-hub.jar analyze FILE --out DIR [--lang kk|ru|en] [--agency CODE]
                     analyses one unload without starting the hub; analyze --help for details
            """;

    public static void main(String[] args) {
        if (args.length == 1 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.print(USAGE);
            return;
        }
        if (args.length > 0 && AnalyzeCommand.NAME.equals(args[0])) {
            System.exit(new AnalyzeCommand(System.out, System.err).run(args));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
