package kz.opendata.hub.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Title and authentication of the OpenAPI description at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfiguration {

    private static final String BASIC = "basic";

    @Bean
    OpenAPI hubOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("opendata-hub API")
                        .version("1")
                        .description("Unloads, analysis reports, passports, approvals, publications and the"
                                + " audit log. Every request authenticates with HTTP Basic. Reading needs any"
                                + " role (ANALYST, ADMIN, AUTHORITY); changes need ANALYST; /api/admin needs"
                                + " ADMIN. Errors are RFC 7807 problem details."))
                .components(new Components()
                        .addSecuritySchemes(
                                BASIC,
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList(BASIC));
    }
}
