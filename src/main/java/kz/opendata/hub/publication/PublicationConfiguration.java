package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import kz.opendata.hub.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Creates the publication service with the portal that {@code hub.publication.portal} names, the
 * DCAT builder, and the schedule and retry rules of the publication run.
 */
@Configuration(proxyBeanMethods = false)
class PublicationConfiguration {

    @Bean
    DcatBuilder dcatBuilder(ObjectMapper mapper, HubProperties hub, PublicationProperties settings) {
        PublicationProperties.Catalog catalog = settings.catalog();
        String iri = stripSlash(hub.baseUrl()) + "/api/catalog.jsonld";
        return new DcatBuilder(
                mapper,
                new DcatBuilder.CatalogInfo(
                        iri,
                        Map.of("", catalog.title()),
                        Map.of("", catalog.description()),
                        Map.of("", catalog.publisher())));
    }

    @Bean
    PortalAdapter portalAdapter(
            ObjectMapper mapper, HubProperties hub, PublicationProperties settings, DcatBuilder dcat) {
        CkanPackageMapper packageMapper =
                new CkanPackageMapper(mapper, settings.ckan().fieldStyle());
        return switch (settings.portal()) {
            case FOLDER -> new DataPackageFolderPortal(hub.publishedDir(), publicBaseUrl(hub, settings), dcat, mapper);
            case DRY_RUN -> new DryRunPortal(dryRunLog(hub, settings), mapper, packageMapper::toPackage);
            case CKAN -> new CkanPortal(settings.ckan(), apiToken(settings.ckan()), packageMapper, mapper);
        };
    }

    private static String apiToken(PublicationProperties.Ckan ckan) {
        String token = System.getenv(ckan.apiTokenEnv());
        if (token == null || token.isBlank()) {
            throw new IllegalStateException("environment variable " + ckan.apiTokenEnv() + " is missing or empty;"
                    + " set it to a CKAN API token of a user who may edit the agencies' organisations,"
                    + " or name another variable in hub.publication.ckan.api-token-env");
        }
        return token;
    }

    @Bean
    PublicationService publicationService(PortalAdapter portal, HubProperties hub, RefusalListener refusals) {
        return new PublicationService(
                new PublicationGate(),
                new OpenDataCsvWriter(),
                portal,
                hub.workDir().resolve("publication"),
                refusals);
    }

    /**
     * Counts due dates on the hub's calendar: of the hub's two clocks, the one in the zone of
     * {@code hub.deadline.zone}, which the parameter name selects.
     */
    @Bean
    UpdateSchedule updateSchedule(Clock clock) {
        return new UpdateSchedule(clock);
    }

    @Bean
    RetryPolicy publicationRetryPolicy(PublicationProperties settings) {
        return new RetryPolicy(settings.retry());
    }

    private static String publicBaseUrl(HubProperties hub, PublicationProperties settings) {
        String configured = settings.publicBaseUrl();
        return configured == null || configured.isBlank() ? stripSlash(hub.baseUrl()) + "/published" : configured;
    }

    private static Path dryRunLog(HubProperties hub, PublicationProperties settings) {
        Path configured = settings.dryRunLog();
        // An empty environment variable binds as an empty path, which means unset.
        boolean unset = configured == null || configured.toString().isBlank();
        return unset ? hub.workDir().resolve("publication-dry-run.jsonl") : configured;
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
