package io.seire.platform;

import io.seire.platform.eventstore.EventStoreConfiguration;
import io.seire.platform.personaldata.PersonalDataConfiguration;
import io.seire.platform.security.SecurityConfiguration;
import io.seire.platform.web.JsonConfiguration;
import io.seire.platform.web.ProblemErrorPage;
import io.seire.platform.web.ProblemResponses;
import io.seire.platform.web.RequestConfiguration;
import io.seire.platform.web.SchemaNames;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

/** What both sides of Seire stand on: event store, schema, HTTP conventions and sign-in. */
@Configuration(proxyBeanMethods = false)
@PropertySource(value = "classpath:seire-platform.properties", encoding = "UTF-8")
@Import({EventStoreConfiguration.class, SecurityConfiguration.class, JsonConfiguration.class, ProblemResponses.class,
        RequestConfiguration.class, ProblemErrorPage.class, PersonalDataConfiguration.class})
public class PlatformConfiguration {

    static {
        // Axon 4.12+ asks the internet for updates; there is none here, and operators did not ask for it.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    /** Schemas named so that two records of the same simple name stay two schemas (see {@link SchemaNames}). */
    @Bean
    public io.swagger.v3.core.jackson.ModelResolver seireSchemaNames(
            org.springdoc.core.providers.ObjectMapperProvider objectMapper) {
        return new io.swagger.v3.core.jackson.ModelResolver(objectMapper.jsonMapper(), new SchemaNames("io.seire"));
    }

    @Bean
    public OpenAPI seireOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Seire API").version("v1")
                        .description("Programme and project monitoring: project setup, finance, results, staffing, "
                                + "reports and audit. Money and indicator numbers are decimal strings; errors are "
                                + "RFC 9457 problem+json. See shared/API.md for the full contract."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
