package kz.opendata.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class HubApplicationHelpTest {

    /** --help prints how to start the hub and the analyze command, and returns without starting anything. */
    @Test
    void helpPrintsUsage() {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalOut = System.out;
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            HubApplication.main(new String[] {"--help"});
        } finally {
            System.setOut(originalOut);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8))
                .startsWith("Usage: java -jar opendata-hub.jar [--SETTING=VALUE ...]")
                .contains("analyze FILE --out DIR");
    }
}
