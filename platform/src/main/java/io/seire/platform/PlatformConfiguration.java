package io.seire.platform;

import io.seire.platform.eventstore.EventStoreConfiguration;
import io.seire.platform.personaldata.PersonalDataConfiguration;
import io.seire.platform.security.SecurityConfiguration;
import io.seire.platform.web.ApiDocument;
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
        RequestConfiguration.class, ProblemErrorPage.class, PersonalDataConfiguration.class,
        io.seire.platform.web.rules.CheckedBodies.class})
public class PlatformConfiguration {

    static {
        // Axon 4.12+ asks the internet for updates; there is none here, and operators did not ask for it.
        System.setProperty("axoniq.update-checker.disabled", "true");
    }

    /**
     * The one {@link org.springframework.jdbc.core.simple.JdbcClient} both sides share (ADR 0044): built once over the
     * application's template, so it joins the same transactions and its cache of parsed named-parameter statements is
     * shared too.
     */
    @Bean
    public org.springframework.jdbc.core.simple.JdbcClient jdbcClient(org.springframework.jdbc.core.JdbcTemplate jdbc) {
        return org.springframework.jdbc.core.simple.JdbcClient.create(jdbc);
    }

    /** Schemas named so that two records of the same simple name stay two schemas (see {@link SchemaNames}). */
    @Bean
    public io.swagger.v3.core.jackson.ModelResolver seireSchemaNames(
            org.springdoc.core.providers.ObjectMapperProvider objectMapper) {
        return new io.swagger.v3.core.jackson.ModelResolver(objectMapper.jsonMapper(), new SchemaNames("io.seire"));
    }

    /** Problem answers and files described in the OpenAPI document (see {@link ApiDocument}). */
    @Bean
    public ApiDocument seireApiDocument() {
        // the signed-in caller is a resolved argument, never part of a request
        org.springdoc.core.utils.SpringDocUtils.getConfig().addRequestWrapperToIgnore(io.seire.kernel.access.Actor.class);
        return new ApiDocument();
    }

    /** Decimal strings show their form and an example in the OpenAPI document (see {@link ApiDocument#decimals}). */
    @Bean
    public org.springdoc.core.customizers.PropertyCustomizer seireDecimalStrings() {
        return ApiDocument::decimals;
    }

    @Bean
    public OpenAPI seireOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Seire API").version("v1")
                        .description("Programme and project monitoring: project setup, finance, results, staffing, "
                                + "reports and audit. Money and indicator numbers are decimal strings; errors are "
                                + "RFC 9457 problem+json. See docs/API.md for the reference."))
                .components(new Components().addSecuritySchemes("basic",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
