package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

class CatalogMessagesTests {

	@Test
	@DisplayName("R-23 every catalog message exists in English and in Japanese")
	void japaneseMatchesEnglish() throws IOException {
		assertThat(messages("i18n/catalog_ja.properties").stringPropertyNames())
				.isEqualTo(messages("i18n/catalog.properties").stringPropertyNames());
	}

	@Test
	@DisplayName("R-4.2 every code a descriptor may use, and every refusal, has a label")
	void everyCodeHasALabel() throws IOException {
		List<String> keys = Stream.of(
				Coded.codes(Unit.class).stream().map(c -> "catalog.unit." + c),
				Coded.codes(Aggregation.class).stream().map(c -> "catalog.aggregation." + c),
				Coded.codes(InstanceKind.class).stream().map(c -> "catalog.instance-kind." + c),
				Coded.codes(ServiceCategory.class).stream().map(c -> "catalog.category." + c),
				Coded.codes(ValueType.class).stream().map(c -> "catalog.value-type." + c),
				Stream.of(ValueCheck.REQUIRED, ValueCheck.NOT_TEXT, ValueCheck.TOO_LONG, ValueCheck.PATTERN_MISMATCH,
						ValueCheck.NOT_AN_INTEGER, ValueCheck.NOT_A_NUMBER, ValueCheck.TOO_SMALL, ValueCheck.TOO_LARGE,
						ValueCheck.NOT_A_CHOICE, ValueCheck.NOT_A_DATE, ValueCheck.NOT_A_BOOLEAN, ValueCheck.UNKNOWN))
				.flatMap(s -> s).toList();

		assertThat(messages("i18n/catalog.properties").stringPropertyNames()).containsAll(keys);
	}

	private static Properties messages(String path) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = new InputStreamReader(new ClassPathResource(path).getInputStream(), StandardCharsets.UTF_8)) {
			properties.load(reader);
		}
		return properties;
	}
}
