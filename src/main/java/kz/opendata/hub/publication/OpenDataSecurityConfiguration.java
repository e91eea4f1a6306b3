package kz.opendata.hub.publication;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Opens the published sets and their DCAT catalogue to everyone, read-only: GET and HEAD of
 * {@code /published/**} and {@code /api/catalog.jsonld} need no account, because the catalogue's
 * download links are meant for the public. Any other method there is refused. Every other path
 * keeps the hub's own security rules, which come after this chain.
 */
@Configuration(proxyBeanMethods = false)
class OpenDataSecurityConfiguration {

    @Bean
    @Order(0)
    SecurityFilterChain openDataChain(HttpSecurity http) throws Exception {
        return http.securityMatcher(PublishedFilesConfiguration.URL_PATH + "**", "/api/catalog.jsonld")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(rules -> rules.requestMatchers(HttpMethod.GET)
                        .permitAll()
                        .requestMatchers(HttpMethod.HEAD)
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
