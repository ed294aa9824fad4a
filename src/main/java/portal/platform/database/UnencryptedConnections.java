package portal.platform.database;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

/**
 * Warns at start when the portal would reach an external PostgreSQL or SMTP server on
 * another host without TLS that validates the server's certificate. The operator decides
 * (README, external database section); the portal only says so.
 */
@Component
class UnencryptedConnections {

	private static final Logger log = LoggerFactory.getLogger(UnencryptedConnections.class);

	private static final Set<String> VALIDATING_MODES = Set.of("verify-full", "verify-ca");

	private final Environment environment;

	UnencryptedConnections(Environment environment) {
		this.environment = environment;
	}

	@EventListener(ApplicationReadyEvent.class)
	void warn() {
		database(environment.getProperty("spring.datasource.url"),
				environment.getProperty("spring.datasource.hikari.data-source-properties.sslmode"))
			.ifPresent(log::warn);
		String protocol = environment.getProperty("spring.mail.protocol", "smtp");
		String prefix = "spring.mail.properties.mail." + protocol + ".";
		mail(environment.getProperty("spring.mail.host"), protocol,
				environment.getProperty(prefix + "starttls.required", Boolean.class, false),
				environment.getProperty(prefix + "ssl.enable", Boolean.class, false),
				environment.getProperty(prefix + "ssl.checkserveridentity", Boolean.class, true))
			.ifPresent(log::warn);
	}

	/**
	 * Why a JDBC URL would connect to a remote server without a validated certificate, if it
	 * would: {@code sslmode} must be {@code verify-full} or {@code verify-ca}, in the URL or
	 * as a driver property ({@code sslModeProperty}, which the URL overrides).
	 */
	static Optional<String> database(String jdbcUrl, String sslModeProperty) {
		if (!StringUtils.hasText(jdbcUrl) || !jdbcUrl.startsWith("jdbc:postgresql:")) {
			return Optional.empty();
		}
		String rest = jdbcUrl.substring("jdbc:postgresql:".length());
		int query = rest.indexOf('?');
		String parameters = query < 0 ? "" : rest.substring(query + 1);
		String address = query < 0 ? rest : rest.substring(0, query);
		// Without "//" pgjdbc connects to localhost.
		if (address.startsWith("//")) {
			int slash = address.indexOf('/', 2);
			String hosts = slash < 0 ? address.substring(2) : address.substring(2, slash);
			if (Arrays.stream(hosts.split(",")).allMatch(UnencryptedConnections::loopbackHostAndPort)) {
				return Optional.empty();
			}
		}
		else {
			return Optional.empty();
		}
		String mode = sslModeProperty;
		for (String parameter : parameters.split("&")) {
			int equals = parameter.indexOf('=');
			if (equals > 0 && parameter.substring(0, equals).equalsIgnoreCase("sslmode")) {
				mode = parameter.substring(equals + 1);
			}
		}
		if (mode != null && VALIDATING_MODES.contains(mode.toLowerCase(Locale.ROOT))) {
			return Optional.empty();
		}
		return Optional.of("The database connection does not require TLS with a validated certificate (sslmode="
				+ (mode == null ? "prefer, the driver's default" : mode)
				+ "). Add sslmode=verify-full to SPRING_DATASOURCE_URL (see the README).");
	}

	/** Why mail to {@code host} would go without TLS or without checking the server's name, if it would. */
	static Optional<String> mail(String host, String protocol, boolean startTlsRequired, boolean sslEnabled,
			boolean checkServerIdentity) {
		if (!StringUtils.hasText(host) || loopback(host)) {
			return Optional.empty();
		}
		boolean encrypted = "smtps".equalsIgnoreCase(protocol) || sslEnabled || startTlsRequired;
		if (encrypted && checkServerIdentity) {
			return Optional.empty();
		}
		return Optional.of("Mail to " + host + " is " + (encrypted ? "encrypted without checking the server's name"
				: "not required to be encrypted")
				+ ". Set spring.mail.properties.mail.smtp.starttls.required=true and "
				+ "spring.mail.properties.mail.smtp.ssl.checkserveridentity=true (see the README).");
	}

	private static boolean loopbackHostAndPort(String hostAndPort) {
		String host = hostAndPort;
		if (host.startsWith("[")) {
			host = host.substring(1, Math.max(1, host.indexOf(']')));
		}
		else if (host.indexOf(':') >= 0 && host.indexOf(':') == host.lastIndexOf(':')) {
			host = host.substring(0, host.indexOf(':'));
		}
		return host.isEmpty() || loopback(host);
	}

	private static boolean loopback(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals("localhost") || name.startsWith("127.") || name.equals("::1");
	}
}
