package io.seire.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.Ordered;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.NonNull;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What reaches Seire over HTTP: bodies have a cap, query parameters and the write headers must hold text that can be
 * stored, and requests Tomcat refuses before Spring sees them still answer problem+json.
 */
@Configuration(proxyBeanMethods = false)
public class RequestConfiguration {

    @Bean
    public WebMvcConfigurer storableRequestText() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(@NonNull InterceptorRegistry registry) {
                registry.addInterceptor(new StorableRequestText());
            }

            /** Query dates as body dates: YYYY-MM-DD within the years Seire records (added last, so it wins). */
            @Override
            public void addFormatters(@NonNull org.springframework.format.FormatterRegistry registry) {
                registry.addConverter(String.class, java.time.LocalDate.class,
                        text -> text.isBlank() ? null : StrictDates.parse(text));
            }
        };
    }

    /**
     * A read's representation is chosen by {@code format=} first, then by {@code Accept} (see {@link FormatParameter});
     * a {@code format} Seire does not write is refused before the handler runs.
     */
    @Bean
    public WebMvcConfigurer formatParameter() {
        return new WebMvcConfigurer() {
            @Override
            public void configureContentNegotiation(
                    @NonNull org.springframework.web.servlet.config.annotation.ContentNegotiationConfigurer configurer) {
                configurer.strategies(java.util.List.of(new FormatParameter(),
                        new org.springframework.web.accept.HeaderContentNegotiationStrategy()));
            }

            @Override
            public void addInterceptors(@NonNull InterceptorRegistry registry) {
                registry.addInterceptor(new FormatParameter.Check());
            }
        };
    }

    /** Unusable Content-Type and Accept headers are refused before Spring Security or Spring MVC read them. */
    @Bean
    public org.springframework.boot.web.servlet.FilterRegistrationBean<RequestHeaders> requestHeaders(
            com.fasterxml.jackson.databind.ObjectMapper json) {
        var registration = new org.springframework.boot.web.servlet.FilterRegistrationBean<>(new RequestHeaders(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 1);
        return registration;
    }

    /** Request bodies beyond their cap answer 413 (see {@link RequestBodyLimit}). */
    @Bean
    public FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(
            @Value("${seire.http.max-body-bytes:10MB}") DataSize maxBody,
            @Value("${seire.http.max-import-bytes:50MB}") DataSize maxImport) {
        FilterRegistrationBean<RequestBodyLimit> registration = new FilterRegistrationBean<>(
                new RequestBodyLimit(maxBody.toBytes(), maxImport.toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    /** Client aborts go on to Tomcat (see {@link ClientAborts}). */
    @Bean
    public ClientAborts clientAborts() {
        return new ClientAborts();
    }

    /** Tomcat with {@link ProblemReportValve} in place of its HTML error pages. */
    @Bean
    public WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports() {
        return new ProblemErrorReports();
    }

    /**
     * Runs after Spring Boot's own customizer, which adds a plain {@link ErrorReportValve} to the host: that one is
     * replaced, and the host is told the problem valve is its error valve, so it adds no other when it starts.
     */
    static final class ProblemErrorReports implements WebServerFactoryCustomizer<TomcatServletWebServerFactory>, Ordered {

        @Override
        public void customize(TomcatServletWebServerFactory factory) {
            factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (Valve valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve && !(valve instanceof ProblemReportValve)) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                    host.getPipeline().addValve(new ProblemReportValve());
                }
            });
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }

    /**
     * Refuses, with a 400 naming each, parameters and headers whose text cannot be stored. Parameter names need no
     * check: Spring Security's firewall refuses names with control characters before this runs.
     */
    static final class StorableRequestText implements HandlerInterceptor {

        @Override
        public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                 @NonNull Object handler) {
            Fields fields = new Fields();
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                for (String value : parameter.getValue()) {
                    String problem = StorableText.problem(value);
                    if (problem != null) {
                        fields.add(parameter.getKey(), problem);
                        break;
                    }
                }
            }
            for (String header : new String[]{StorableText.IDEMPOTENCY_KEY, StorableText.CORRELATION_ID}) {
                String value = request.getHeader(header);
                String problem = StorableText.problem(value);
                if (problem != null) {
                    fields.add(header, problem);
                } else if (value != null && value.length() > StorableText.MAX_HEADER_LENGTH) {
                    fields.add(header, "is longer than " + StorableText.MAX_HEADER_LENGTH + " characters");
                }
            }
            fields.throwIfInvalid();
            return true;
        }
    }
}
