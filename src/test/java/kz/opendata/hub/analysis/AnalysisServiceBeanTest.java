package kz.opendata.hub.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

class AnalysisServiceBeanTest {

    @TempDir
    Path dir;

    private final ApplicationContextRunner context = new ApplicationContextRunner().withUserConfiguration(Beans.class);

    @Test
    void bindsSettingsFromProperties() {
        context.withPropertyValues("hub.analysis.top-values=1", "hub.analysis.max-archive-entries=7")
                .run(started -> {
                    AnalysisSettings settings = started.getBean(AnalysisSettings.class);

                    assertThat(settings.topValues()).isEqualTo(1);
                    assertThat(settings.maxArchiveEntries()).isEqualTo(7);
                    assertThat(settings.headerScanRows()).isEqualTo(50);
                    assertThat(settings.maxCompressionRatio()).isEqualTo(200);
                });
    }

    @Test
    void serviceBeanUsesBoundSettings() throws IOException {
        Path file =
                Files.writeString(dir.resolve("regions.csv"), "Регион\nАбай\nАбай\nЖетісу\nЖетісу\nҰлытау\nҰлытау\n");

        context.withPropertyValues("hub.analysis.top-values=1").run(started -> {
            AnalysisReport report = started.getBean(AnalysisService.class).analyze(file, "regions.csv");

            assertThat(report.columns().get(0).topValues()).hasSize(1);
        });
    }

    @Configuration
    @EnableConfigurationProperties(AnalysisSettings.class)
    @Import(AnalysisService.class)
    static class Beans {}
}
