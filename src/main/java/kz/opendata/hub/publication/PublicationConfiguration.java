package kz.opendata.hub.publication;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import kz.opendata.hub.HubProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Creates the publication service with the portal that {@code hub.publication.portal} names. */
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
        return switch (settings.portal()) {
            case FOLDER -> new DataPackageFolderPortal(hub.publishedDir(), publicBaseUrl(hub, settings), dcat, mapper);
            case DRY_RUN ->
                new DryRunPortal(
                        dryRunLog(hub, settings),
                        mapper,
                        request -> dcat.dataset(
                                request,
                                request.datasetName(),
                                request.dataFile().toString()));
            case CKAN ->
                throw new IllegalStateException("hub.publication.portal=ckan is not available yet; use folder");
        };
    }

    @Bean
    PublicationService publicationService(PortalAdapter portal, HubProperties hub) {
        return new PublicationService(
                new PublicationGate(),
                new OpenDataCsvWriter(),
                portal,
                hub.workDir().resolve("publication"));
    }

    private static String publicBaseUrl(HubProperties hub, PublicationProperties settings) {
        String configured = settings.publicBaseUrl();
        return configured == null || configured.isBlank() ? stripSlash(hub.baseUrl()) + "/published" : configured;
    }

    private static Path dryRunLog(HubProperties hub, PublicationProperties settings) {
        Path configured = settings.dryRunLog();
        return configured != null ? configured : hub.workDir().resolve("publication-dry-run.jsonl");
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
