package portal.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LanguageLinkTests {

	@Test
	@DisplayName("R-23 the switch offers English first, then Japanese, as links that keep the current path")
	void offersEnglishAndJapaneseAsQueryOnlyLinks() {
		assertThat(LanguageLink.forQuery(null)).containsExactly(new LanguageLink("en", "?lang=en"),
				new LanguageLink("ja", "?lang=ja"));
	}

	@Test
	@DisplayName("the switch keeps the visitor's other parameters and replaces an earlier choice")
	void keepsOtherParametersAndReplacesEarlierChoice() {
		assertThat(LanguageLink.forQuery("from=2026-01-01&lang=en&page=2"))
			.extracting(LanguageLink::href)
			.containsExactly("?from=2026-01-01&page=2&lang=en", "?from=2026-01-01&page=2&lang=ja");
	}

	@Test
	@DisplayName("encoded parameter values pass through unchanged")
	void keepsEncodedValues() {
		assertThat(LanguageLink.forQuery("q=a%20b%26c").get(1).href()).isEqualTo("?q=a%20b%26c&lang=ja");
	}
}
