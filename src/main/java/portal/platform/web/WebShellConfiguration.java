package portal.platform.web;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The shell's part of Spring MVC: the language choice ({@code ?lang=en|ja} switches, a cookie
 * remembers, English is the default) and the model every page's layout needs.
 */
@Configuration(proxyBeanMethods = false)
public class WebShellConfiguration implements WebMvcConfigurer {

	/** Named {@code localeResolver} because that is the name the dispatcher looks up. */
	@Bean
	LocaleResolver localeResolver(@org.springframework.beans.factory.annotation.Value("${portal.base-url}") String baseUrl) {
		return new LanguageCookieResolver(portal.platform.SessionCookies.httpsOnly(baseUrl));
	}

	@Bean
	FilterRegistrationBean<LanguageSwitch> languageSwitch(LocaleResolver localeResolver) {
		FilterRegistrationBean<LanguageSwitch> registration = new FilterRegistrationBean<>(
				new LanguageSwitch(localeResolver));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
		return registration;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new ShellModel()).excludePathPatterns("/api/**");
	}
}
