package portal.orders;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import portal.orders.ordering.OrderState;

import static org.assertj.core.api.Assertions.assertThat;

class OrderMessagesTests {

	@Test
	@DisplayName("R-23 every orders message exists in English and in Japanese, and no Japanese message is left without its English one")
	void japaneseMatchesEnglish() throws IOException {
		var bundles = new PathMatchingResourcePatternResolver().getResources("classpath*:i18n/orders*.properties");
		assertThat(bundles).extracting(r -> r.getFilename()).contains("orders.properties", "orders_ja.properties");
		for (var bundle : bundles) {
			String name = bundle.getFilename();
			if (name.endsWith("_ja.properties")) {
				String english = "i18n/" + name.replace("_ja.properties", ".properties");
				assertThat(messages("i18n/" + name).stringPropertyNames()).as(name)
					.isEqualTo(messages(english).stringPropertyNames());
			}
			else {
				assertThat(new ClassPathResource("i18n/" + name.replace(".properties", "_ja.properties")).exists())
					.as("Japanese bundle of " + name).isTrue();
			}
		}
	}

	@Test
	@DisplayName("R-23 every order state has a label, and every refusal key the orders code explains itself with has a message")
	void everyStateAndRefusalHasAMessage() throws IOException {
		Set<String> keys = new TreeSet<>();
		OrderState.codes().forEach(code -> keys.add("orders.state." + code));
		Pattern explained = Pattern.compile("\\.explained\\(\"([a-z-]+)\"");
		try (Stream<Path> sources = Files.walk(Path.of("src/main/java/portal/orders"))) {
			for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
				Matcher matcher = explained.matcher(Files.readString(source));
				while (matcher.find()) {
					keys.add("orders.refusal." + matcher.group(1));
				}
			}
		}
		assertThat(keys).as("refusal keys found in the code").anyMatch(k -> k.startsWith("orders.refusal."));
		assertThat(messages("i18n/orders.properties").stringPropertyNames()).containsAll(keys);
		assertThat(messages("i18n/orders_ja.properties").stringPropertyNames()).containsAll(keys);
	}

	private static Properties messages(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(),
				StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
