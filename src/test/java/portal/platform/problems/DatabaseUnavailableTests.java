package portal.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLTransientConnectionException;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableTests {

	private static final FilterChain UNREACHABLE = (request, response) -> {
		throw new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
				new SQLTransientConnectionException("portal - Connection is not available"));
	};

	private final DatabaseUnavailable filter = new DatabaseUnavailable(messages());

	@Test
	@DisplayName("a person in a browser gets a page saying what happened and what to do, with a way to try again")
	void browserGetsAPage() throws Exception {
		MockHttpServletRequest request = page("/app/orders/1234");
		MockHttpServletResponse response = new MockHttpServletResponse();

		this.filter.doFilter(request, response, UNREACHABLE);

		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getContentType()).startsWith("text/html");
		assertThat(response.getContentAsString()).contains("<html lang=\"en\">", "<h1>The portal is briefly unavailable</h1>",
				"<a href=\"/app/orders/1234\">Try again</a>", "503");
	}

	@Test
	@DisplayName("the page is in Japanese when the portal's language cookie or else the browser asks for it")
	void pageInTheChosenLanguage() throws Exception {
		MockHttpServletRequest chosen = page("/app");
		chosen.setCookies(new Cookie("portal-lang", "ja"));
		chosen.addPreferredLocale(Locale.ENGLISH);
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(chosen, response, UNREACHABLE);
		assertThat(response.getContentAsString()).contains("<html lang=\"ja\">", "<h1>ポータルは一時的にご利用いただけません</h1>");

		MockHttpServletRequest preferred = page("/app");
		preferred.addPreferredLocale(Locale.JAPAN);
		MockHttpServletResponse second = new MockHttpServletResponse();
		this.filter.doFilter(preferred, second, UNREACHABLE);
		assertThat(second.getContentAsString()).contains("<html lang=\"ja\">");
	}

	@Test
	@DisplayName("after a form the way back is the Portal Page, not a repeat of the form's request")
	void formLeadsHome() throws Exception {
		MockHttpServletRequest request = page("/app/orders");
		request.setMethod("POST");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, UNREACHABLE);
		assertThat(response.getContentAsString()).contains("<a href=\"/\">Try again</a>");
	}

	@Test
	@DisplayName("an API caller gets a 503 problem even when it accepts HTML")
	void apiGetsAProblem() throws Exception {
		MockHttpServletRequest request = page("/api/v1/me");
		MockHttpServletResponse response = new MockHttpServletResponse();
		this.filter.doFilter(request, response, UNREACHABLE);
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getContentType()).startsWith("application/problem+json");
		assertThat(response.getContentAsString()).contains("\"status\":503", "service-unavailable");
	}

	@Test
	@DisplayName("other failures are not disguised as an outage")
	void otherFailuresPassThrough() {
		MockHttpServletRequest request = page("/app");
		assertThatThrownBy(() -> this.filter.doFilter(request, new MockHttpServletResponse(), (req, res) -> {
			throw new IllegalStateException("a defect");
		})).isInstanceOf(IllegalStateException.class);
	}

	private static MockHttpServletRequest page(String path) {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
		request.addHeader("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8");
		return request;
	}

	private static ResourceBundleMessageSource messages() {
		ResourceBundleMessageSource source = new ResourceBundleMessageSource();
		source.setBasenames("i18n/messages");
		source.setDefaultEncoding("UTF-8");
		source.setFallbackToSystemLocale(false);
		return source;
	}
}
