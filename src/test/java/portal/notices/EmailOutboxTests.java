package portal.notices;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.1 The outbox never shows a working activation link outside a demo")
class EmailOutboxTests {

	@Test
	@DisplayName("R-6.1 single-use links are blanked out, the rest of the mail stays readable")
	void blanksLinks() {
		String body = "Open https://portal.example/activate/Ab3_x-9Zq to start.\nLogin ID: CP01000017";
		assertThat(EmailOutbox.withoutLinks(body))
			.isEqualTo("Open https://portal.example/activate/[hidden] to start.\nLogin ID: CP01000017");
		assertThat(EmailOutbox.withoutLinks("Open https://portal.example/activate#Ab3_x-9Zq to start."))
			.isEqualTo("Open https://portal.example/activate#[hidden] to start.");
	}
}
