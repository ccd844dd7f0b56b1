package io.seire.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.startup.Tomcat;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * What reaches Seire over HTTP besides the body: query parameters and the write headers must hold text that can be
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
        };
    }

    /** Tomcat with {@link ProblemReportValve} in place of its HTML error pages. */
    @Bean
    public TomcatServletWebServerFactory tomcatServletWebServerFactory() {
        return new TomcatServletWebServerFactory() {
            @Override
            protected TomcatWebServer getTomcatWebServer(Tomcat tomcat) {
                if (tomcat.getHost() instanceof StandardHost host) {
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
                return super.getTomcatWebServer(tomcat);
            }
        };
    }

    /** Refuses, with a 400 naming each, parameters and headers whose text cannot be stored. */
    static final class StorableRequestText implements HandlerInterceptor {

        @Override
        public boolean preHandle(@NonNull HttpServletRequest request, @NonNull HttpServletResponse response,
                                 @NonNull Object handler) {
            Fields fields = new Fields();
            for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
                String problem = StorableText.problem(parameter.getKey());
                for (String value : parameter.getValue()) {
                    problem = problem != null ? problem : StorableText.problem(value);
                }
                if (problem != null) {
                    fields.add(printable(parameter.getKey()), problem);
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

        private static String printable(String name) {
            return StorableText.problem(name) == null ? name : name.replace('\u0000', '\uFFFD');
        }
    }
}
