package portal.notices.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import portal.notices.events.NoticeRequested.Kind;

/**
 * The messages of the terms and notices modules: both languages hold the same keys, and
 * every key their templates name, literally or built from a code, exists in both.
 */
class TermsAndNoticesMessagesTests {

	/** Every bundle the application loads (spring.messages.basename), for keys the templates share. */
	private static final List<String> BUNDLES = List.of("messages", "security", "catalog", "customers", "identity",
			"notices", "terms", "agreements", "usage", "retention", "orders");

	/** A literal message key in a template: #{key} or #{key(arguments)}. */
	private static final Pattern KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

	@Test
	@DisplayName("R-23 every terms and notices message exists in English and in Japanese, and no more in either")
	void japaneseMatchesEnglish() throws IOException {
		for (String module : List.of("terms", "notices")) {
			assertThat(messages("i18n/" + module + "_ja.properties").stringPropertyNames()).as(module)
				.isEqualTo(messages("i18n/" + module + ".properties").stringPropertyNames());
		}
	}

	@Test
	@DisplayName("R-23 every key the terms and notices templates use exists in both languages")
	void everyTemplateKeyExists() throws IOException {
		Set<String> used = new TreeSet<>();
		for (String module : List.of("terms", "notices")) {
			Resource[] templates = new PathMatchingResourcePatternResolver()
				.getResources("classpath:templates/" + module + "/*.html");
			assertThat(templates).as(module + " templates").isNotEmpty();
			for (Resource template : templates) {
				Matcher keys = KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
				while (keys.find()) {
					used.add(keys.group(1));
				}
			}
		}
		assertThat(used).as("keys found in the templates").contains("notices.maintenance.title", "terms.takes-effect-on");
		// Keys the templates build from a code, and the mails' keys.
		Stream.of(
				Arrays.stream(Kind.values()).map(kind -> "notices.kind." + kind.name()),
				NoticeForm.AUDIENCES.stream().map(audience -> "notices.form.audience." + audience),
				Stream.of("scheduled", "published", "cancelled").map(state -> "notices.console.state." + state),
				Stream.of("sent", "queued", "retrying").map(status -> "notices.page.outbox.status." + status),
				Stream.of("notices.mail.subject", "notices.mail.translation", "notices.mail.when",
						"notices.mail.read-in-portal", "terms.console.saved", "nav.app.maintenance"))
			.flatMap(keys -> keys)
			.forEach(used::add);

		assertThat(all("")).containsAll(used);
		assertThat(all("_ja")).containsAll(used);
	}

	private static Set<String> all(String suffix) throws IOException {
		Set<String> keys = new TreeSet<>();
		for (String bundle : BUNDLES) {
			keys.addAll(messages("i18n/" + bundle + suffix + ".properties").stringPropertyNames());
		}
		return keys;
	}

	private static Properties messages(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
