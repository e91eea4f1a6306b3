package kz.opendata.hub.web.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Two filter chains: the API under {@code /api/**} takes HTTP Basic on every request and keeps no
 * session, so scripts need no CSRF token; the pages use form login, a session and CSRF tokens.
 *
 * <p>Every role may read. Changes need {@link Role#ANALYST}; the registry and settings need
 * {@link Role#ADMIN}. The health status, the sign-in page, static files and the OpenAPI description
 * are public; the actuator takes HTTP Basic, and its health details and metrics need
 * {@link Role#ADMIN}. With no account configured everything but the health check is refused.
 */
@Configuration
class SecurityConfiguration {

    private static final String[] PUBLIC_PAGES = {"/login", "/css/**", "/js/**", "/img/**", "/favicon.svg", "/error"};
    private static final String[] HEALTH = {"/actuator/health", "/actuator/health/**"};
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    private static final String NO_ACCOUNTS =
            "No account is configured on this hub; an administrator adds" + " accounts under hub.security.users";
    private static final String SIGN_IN = "Sign in with HTTP Basic authentication using a hub account";

    @Bean
    BCryptPasswordEncoder passwordEncoder() {
        return new BCryptPasswordEncoder();
    }

    @Bean
    UserDetailsService userDetailsService(AccountDirectory accounts) {
        return new InMemoryUserDetailsManager(accounts.users());
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiChain(HttpSecurity http, AccountDirectory accounts, ObjectMapper json) throws Exception {
        ApiSecurityProblems problems = new ApiSecurityProblems(json, accounts.isEmpty() ? NO_ACCOUNTS : SIGN_IN);
        http.securityMatcher("/api/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> basic.authenticationEntryPoint(problems))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        if (accounts.isEmpty()) {
            return http.authorizeHttpRequests(rules -> rules.anyRequest().denyAll())
                    .build();
        }
        return http.authorizeHttpRequests(rules -> rules.requestMatchers("/api/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.GET, "/api/**")
                        .hasAnyRole(Role.ANY)
                        .anyRequest()
                        .hasRole(Role.ANALYST.name()))
                .build();
    }

    /**
     * The actuator endpoints take HTTP Basic, as a metrics scraper or a monitoring check sends it:
     * the health status is public, its details and the metrics need an administrator.
     */
    @Bean
    @Order(2)
    SecurityFilterChain actuatorChain(HttpSecurity http, AccountDirectory accounts) throws Exception {
        http.securityMatcher("/actuator/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(basic -> {});
        if (accounts.isEmpty()) {
            return http.authorizeHttpRequests(rules -> rules.requestMatchers(HEALTH)
                            .permitAll()
                            .anyRequest()
                            .denyAll())
                    .build();
        }
        return http.authorizeHttpRequests(rules ->
                        rules.requestMatchers(HEALTH).permitAll().anyRequest().hasRole(Role.ADMIN.name()))
                .build();
    }

    @Bean
    @Order(3)
    SecurityFilterChain pageChain(HttpSecurity http, AccountDirectory accounts) throws Exception {
        if (accounts.isEmpty()) {
            return http.authorizeHttpRequests(rules -> rules.anyRequest().denyAll())
                    .build();
        }
        return http.authorizeHttpRequests(rules -> rules.requestMatchers(PUBLIC_PAGES)
                        .permitAll()
                        .requestMatchers(API_DOCS)
                        .permitAll()
                        .requestMatchers("/admin/**")
                        .hasRole(Role.ADMIN.name())
                        .requestMatchers(HttpMethod.POST, "/**")
                        .hasRole(Role.ANALYST.name())
                        .anyRequest()
                        .hasAnyRole(Role.ANY))
                .formLogin(form -> form.loginPage("/login").permitAll())
                .logout(logout -> logout.logoutSuccessUrl("/login?logout").permitAll())
                .build();
    }
}
