package io.seire.console;

import io.seire.console.web.ConsolePaths;
import io.seire.console.web.Languages;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.PropertySource;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.lang.NonNull;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The console: web pages for people, served by the same process at {@code /}, signed in through a form (ADR 0028).
 * Its pages call the API's own controllers and views, so every rule and every refusal is the API's.
 */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@PropertySource(value = "classpath:seire-console.properties", encoding = "UTF-8")
public class ConsoleConfiguration {

    /** The console's labels, Estonian and English; kept apart from any other message source of the process. */
    @Bean
    public MessageSource consoleMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("console/messages");
        messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
        messages.setFallbackToSystemLocale(false);
        messages.setUseCodeAsDefaultMessage(false);
        return messages;
    }

    /** Thymeleaf's {@code #{…}} read the console's labels. */
    @Bean
    public static BeanPostProcessor consoleTemplateMessages(
            @org.springframework.beans.factory.annotation.Qualifier("consoleMessages")
            org.springframework.beans.factory.ObjectProvider<MessageSource> consoleMessages) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(@NonNull Object bean, @NonNull String name)
                    throws BeansException {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setTemplateEngineMessageSource(consoleMessages.getObject());
                }
                return bean;
            }
        };
    }

    /** The chosen language, remembered in a cookie; without one, the browser's, if Estonian, else English. */
    @Bean
    public LocaleResolver localeResolver(@Value("${seire.console.language-cookie-max-age:P365D}") Duration maxAge) {
        return Languages.resolver(maxAge);
    }

    @Bean
    public WebMvcConfigurer consoleLanguageSwitch() {
        return new WebMvcConfigurer() {
            @Override
            public void addInterceptors(@NonNull InterceptorRegistry registry) {
                LocaleChangeInterceptor change = new LocaleChangeInterceptor();
                change.setParamName("lang");
                change.setIgnoreInvalidLocale(true);
                registry.addInterceptor(change).addPathPatterns(ConsolePaths.PAGES);
            }
        };
    }
}
