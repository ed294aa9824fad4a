package portal.notices.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import portal.notices.NoticeDraft;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;

@DisplayName("R-2.3 The console's notice form")
class NoticeFormTests {

	private static NoticeForm form(String audience, String role, String publishAt, String zone) {
		return new NoticeForm("MAINTENANCE", "Router work", "Routers are replaced.", "", "", audience, "C0001", role, "",
				publishAt, "2026-12-20T01:00", "", zone, List.of("arcstar-universal-one"), null, "save");
	}

	@Test
	@DisplayName("R-2.3 times are read in the zone given, and an unticked emergency box means no emergency")
	void readsTimesInTheZoneGiven() {
		Map<String, List<String>> errors = NoticeForm.errors();
		UUID customer = UUID.randomUUID();
		NoticeDraft draft = form("CUSTOMER_ROLE", "orderer", "2026-12-01T09:00", "Asia/Tokyo").draft(customer, errors);
		assertThat(errors).isEmpty();
		assertThat(draft.publishAt()).isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
		assertThat(draft.eventStart()).isEqualTo(Instant.parse("2026-12-19T16:00:00Z"));
		assertThat(draft.kind()).isEqualTo(Kind.MAINTENANCE);
		assertThat(draft.audience()).isEqualTo(Audience.customerRole(customer, "orderer"));
		assertThat(draft.emergency()).isFalse();
		assertThat(draft.titleJa()).isNull();
	}

	@Test
	@DisplayName("R-2.3 a time, a zone or a role that does not parse is named by its field")
	void namesTheFieldsThatDoNotParse() {
		Map<String, List<String>> errors = NoticeForm.errors();
		form("CUSTOMER_ROLE", " ", "tomorrow", "Mars/Olympus").draft(UUID.randomUUID(), errors);
		assertThat(errors).containsOnlyKeys("zone", "publishAt", "role");
	}

	@Test
	@DisplayName("R-2.3 an empty publication time means at once")
	void emptyPublicationMeansAtOnce() {
		Map<String, List<String>> errors = NoticeForm.errors();
		assertThat(form("ALL_CUSTOMERS", "", "", "UTC").draft(null, errors).publishAt()).isNull();
		assertThat(errors).isEmpty();
	}
}
