package kz.opendata.hub.intake;

import java.time.Clock;
import kz.opendata.hub.passport.CategoryVocabulary;
import kz.opendata.hub.passport.DataPackageWriter;
import kz.opendata.hub.passport.PassportDrafter;
import kz.opendata.hub.passport.PassportRenderer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java passport services the intake pipeline and the approval loop use. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

    @Bean
    PassportDrafter passportDrafter(Clock clock) {
        return new PassportDrafter(CategoryVocabulary.loadDefault(), clock);
    }

    @Bean
    DataPackageWriter dataPackageWriter() {
        return new DataPackageWriter();
    }

    @Bean
    PassportRenderer passportRenderer() {
        return new PassportRenderer();
    }
}
