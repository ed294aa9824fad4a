package portal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every visible text of the shell comes from a bundle, in English and in Japanese. */
class MessageBundleTests {

	private static final PathMatchingResourcePatternResolver RESOURCES = new PathMatchingResourcePatternResolver();

	// #{key} and #{key(args)}; keys built at run time are covered by the page tests instead.
	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([A-Za-z0-9_.\\-]+)[}(]");

	@Test
	@DisplayName("R-23 the shell's Japanese bundle has exactly the keys of the English one")
	void japaneseMatchesEnglish() throws IOException {
		assertThat(keys("classpath:i18n/messages_ja.properties"))
			.isEqualTo(keys("classpath:i18n/messages.properties"));
	}

	@Test
	@DisplayName("R-23 every message key a template names exists in one of the English bundles")
	void everyTemplateKeyExists() throws IOException {
		Set<String> known = new HashSet<>();
		for (Resource bundle : RESOURCES.getResources("classpath*:i18n/*.properties")) {
			if (!bundle.getFilename().contains("_")) {
				known.addAll(load(bundle).stringPropertyNames());
			}
		}
		Set<String> missing = new TreeSet<>();
		for (Resource template : RESOURCES.getResources("classpath*:templates/**/*.html")) {
			Matcher matcher = MESSAGE_KEY.matcher(template.getContentAsString(StandardCharsets.UTF_8));
			while (matcher.find()) {
				if (!known.contains(matcher.group(1))) {
					missing.add(template.getFilename() + ": " + matcher.group(1));
				}
			}
		}
		assertThat(missing).isEmpty();
	}

	private static Set<String> keys(String location) throws IOException {
		return load(RESOURCES.getResource(location)).stringPropertyNames();
	}

	private static Properties load(Resource resource) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(resource.getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
