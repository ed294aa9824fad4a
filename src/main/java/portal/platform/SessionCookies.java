package portal.platform;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.web.http.CookieSerializer;
import org.springframework.session.web.http.DefaultCookieSerializer;

/**
 * The session cookie (ASVS 7.1): its own name, not readable by scripts, sent only to this
 * site's own requests. When the portal's public address is HTTPS the cookie is always
 * {@code Secure} and named with the {@code __Host-} prefix, so that no sibling subdomain or
 * plain-HTTP response can set or shadow it; otherwise (a local run) it is {@code Secure}
 * whenever the request came over HTTPS.
 */
@Configuration(proxyBeanMethods = false)
public class SessionCookies {

	static final String NAME = "PORTAL_SESSION";

	/** True when the portal is reached over HTTPS, which every cookie then requires. */
	public static boolean httpsOnly(String baseUrl) {
		return baseUrl != null && baseUrl.trim().toLowerCase(java.util.Locale.ROOT).startsWith("https://");
	}

	/** A cookie's name: with the {@code __Host-} prefix when the portal is reached over HTTPS. */
	public static String name(String name, boolean httpsOnly) {
		return httpsOnly ? "__Host-" + name : name;
	}

	@Bean
	CookieSerializer cookieSerializer(@Value("${portal.base-url}") String baseUrl) {
		boolean https = httpsOnly(baseUrl);
		DefaultCookieSerializer serializer = new DefaultCookieSerializer();
		serializer.setCookieName(name(NAME, https));
		if (https) {
			serializer.setUseSecureCookie(true);
		}
		serializer.setUseHttpOnlyCookie(true);
		serializer.setSameSite("Lax");
		serializer.setCookiePath("/");
		return serializer;
	}
}
