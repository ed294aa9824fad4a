package portal.platform;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie (ASVS 7.1): its own name, not readable by scripts, sent only to this
 * site's own requests and only over HTTPS when the request came over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
class SessionCookies {

	static final String NAME = "PORTAL_SESSION";

	@Bean
	CookieSerializer cookieSerializer() {
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(NAME);
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		return serializer;
	}
}
