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

    public static void main(String[] args) {
        if (args.length > 0 && AnalyzeCommand.NAME.equals(args[0])) {
            System.exit(new AnalyzeCommand(System.out, System.err).run(args));
        }
        SpringApplication.run(HubApplication.class, args);
    }
}
