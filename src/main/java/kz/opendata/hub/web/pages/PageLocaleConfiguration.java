package kz.opendata.hub.web.pages;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;
import org.thymeleaf.spring6.SpringTemplateEngine;

/**
 * The dashboard's languages: Kazakh, Russian and English. A {@code ?lang=kk} parameter switches
 * the language and a cookie keeps the choice for a year; without one the browser's preferred
 * language is taken when the hub has it, Russian otherwise.
 *
 * <p>The page texts come from {@code messages/ui_*.properties}, given to Thymeleaf alone, so the
 * application's own {@code messageSource} stays as Spring Boot configures it.
 */
@Configuration
class PageLocaleConfiguration implements WebMvcConfigurer {

    static final List<Locale> LANGUAGES =
            List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"), Locale.ENGLISH);
    static final Locale FALLBACK = Locale.forLanguageTag("ru");
    static final String LANGUAGE_PARAMETER = "lang";

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("hub-language");
        resolver.setCookieMaxAge(Duration.ofDays(365));
        resolver.setDefaultLocaleFunction(request -> {
            List<Locale.LanguageRange> wanted = Locale.LanguageRange.parse(
                    request.getHeader("Accept-Language") == null ? "ru" : request.getHeader("Accept-Language"));
            Locale match = Locale.lookup(wanted, LANGUAGES);
            return match == null ? FALLBACK : match;
        });
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor() {
            @Override
            public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
                    throws ServletException {
                String wanted = request.getParameter(LANGUAGE_PARAMETER);
                // Languages the hub has no texts for are ignored, so a cookie never names one.
                return wanted == null
                        || LANGUAGES.stream()
                                .noneMatch(language -> language.getLanguage().equals(wanted))
                        || super.preHandle(request, response, handler);
            }
        };
        interceptor.setParamName(LANGUAGE_PARAMETER);
        registry.addInterceptor(interceptor);
    }

    @Bean
    static BeanPostProcessor pageMessages() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) throws BeansException {
                if (bean instanceof SpringTemplateEngine engine) {
                    engine.setTemplateEngineMessageSource(uiMessages());
                }
                return bean;
            }
        };
    }

    static ResourceBundleMessageSource uiMessages() {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages/ui");
        messages.setDefaultEncoding("UTF-8");
        messages.setFallbackToSystemLocale(false);
        return messages;
    }
}
