package portal.orders.ordering;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import portal.notices.events.NoticeRequested;
import portal.orders.events.OrderStateChanged;

import static org.assertj.core.api.Assertions.assertThat;

class OrderNoticesTests {

	@Test
	@DisplayName("R-2.3 R-23 the Japanese notice of an order's state names the state as the Japanese pages do, not by its code")
	void japaneseNoticeUsesTheStateLabel() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasename("i18n/orders");
		messages.setDefaultEncoding(StandardCharsets.UTF_8.name());
		messages.setFallbackToSystemLocale(false);
		List<Object> published = new ArrayList<>();
		UUID submitter = UUID.randomUUID();
		OrderStateChanged change = new OrderStateChanged(UUID.randomUUID(), 2, UUID.randomUUID(),
				"arcstar-universal-one", "COMPANY", "acknowledged", "inProgress", "ST-1", "", "CP-1", submitter,
				List.of());

		new OrderNotices(published::add, messages).on(change);

		NoticeRequested notice = (NoticeRequested) published.get(0);
		assertThat(notice.titleJa()).endsWith("対応中").doesNotContain("inProgress");
		assertThat(notice.bodyJa()).contains("「対応中」").doesNotContain("inProgress");
		assertThat(notice.titleEn()).endsWith("inProgress");
		assertThat(notice.audience().accountIds()).containsExactly(submitter);
	}
}
