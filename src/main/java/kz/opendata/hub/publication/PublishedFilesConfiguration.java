package kz.opendata.hub.publication;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import kz.opendata.hub.HubProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer;
import org.springframework.web.servlet.config.annotation.ResourceHandlerRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.resource.AbstractResourceResolver;
import org.springframework.web.servlet.resource.PathResourceResolver;
import org.springframework.web.servlet.resource.ResourceResolverChain;

/**
 * Serves the folder portal's output read-only at {@code /published/<name>/...}, so the download
 * URLs in its DCAT documents work. Only GET and HEAD requests are served. Files in hidden folders, where a
 * publication in progress stages its files, are not served.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "hub.publication.portal", havingValue = "folder", matchIfMissing = true)
class PublishedFilesConfiguration implements WebMvcConfigurer {

    static final String URL_PATH = "/published/";

    private final HubProperties hub;

    PublishedFilesConfiguration(HubProperties hub) {
        this.hub = hub;
    }

    @Override
    public void addResourceHandlers(ResourceHandlerRegistry registry) {
        try {
            Files.createDirectories(hub.publishedDir());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "cannot create the published folder " + hub.publishedDir()
                            + "; check that hub.data-dir is writable",
                    e);
        }
        // The location must end with a slash, or Spring resolves files beside the folder.
        String location = hub.publishedDir().toAbsolutePath().normalize() + "/";
        registry.addResourceHandler(URL_PATH + "**")
                .addResourceLocations(new FileSystemResource(location))
                .resourceChain(false)
                .addResolver(new VisibleFilesOnly())
                .addResolver(new PathResourceResolver());
    }

    @Override
    public void configureContentNegotiation(ContentNegotiationConfigurer configurer) {
        // File types the folder portal writes; Spring does not know .jsonld, and names no charset for .csv.
        configurer.mediaType("jsonld", MediaType.parseMediaType(PublicationController.JSON_LD));
        configurer.mediaType("csv", MediaType.parseMediaType("text/csv;charset=UTF-8"));
    }

    /** Refuses any path with a segment that starts with a dot. */
    static final class VisibleFilesOnly extends AbstractResourceResolver {

        @Override
        protected Resource resolveResourceInternal(
                jakarta.servlet.http.HttpServletRequest request,
                String requestPath,
                List<? extends Resource> locations,
                ResourceResolverChain chain) {
            return isVisible(requestPath) ? chain.resolveResource(request, requestPath, locations) : null;
        }

        @Override
        protected String resolveUrlPathInternal(
                String resourceUrlPath, List<? extends Resource> locations, ResourceResolverChain chain) {
            return isVisible(resourceUrlPath) ? chain.resolveUrlPath(resourceUrlPath, locations) : null;
        }

        static boolean isVisible(String path) {
            for (String segment : path.split("/")) {
                if (segment.startsWith(".")) {
                    return false;
                }
            }
            return true;
        }
    }
}
