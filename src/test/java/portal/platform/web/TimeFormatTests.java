package portal.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Locale;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Times shown in the person's zone and language")
class TimeFormatTests {

	static final Instant MIDNIGHT_UTC = Instant.parse("2026-12-01T00:00:00Z");

	static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	static final ZoneId LONDON = ZoneId.of("Europe/London");

	static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

	@Test
	@DisplayName("R-2.3 one instant reads 09:00 JST in Tokyo and 00:00 UTC in UTC, the zone named once")
	void showsTheInstantInTheZone() {
		assertThat(new TimeFormat(TOKYO, Locale.ENGLISH).dateTime(MIDNIGHT_UTC)).isEqualTo("1 Dec 2026, 09:00 JST");
		assertThat(new TimeFormat(ZoneId.of("UTC"), Locale.ENGLISH).dateTime(MIDNIGHT_UTC))
			.isEqualTo("1 Dec 2026, 00:00 UTC");
		assertThat(new TimeFormat(NEW_YORK, Locale.ENGLISH).dateTime(MIDNIGHT_UTC)).isEqualTo("30 Nov 2026, 19:00 EST");
		assertThat(new TimeFormat(TOKYO, Locale.ENGLISH).time(MIDNIGHT_UTC)).isEqualTo("09:00 JST");
		assertThat(new TimeFormat(NEW_YORK, Locale.ENGLISH).date(MIDNIGHT_UTC)).isEqualTo("30 Nov 2026");
	}

	@Test
	@DisplayName("R-23 Japanese pages use Japanese patterns, English pages English ones")
	void followsTheLanguage() {
		TimeFormat japanese = new TimeFormat(TOKYO, Locale.JAPANESE);
		assertThat(japanese.dateTime(MIDNIGHT_UTC)).isEqualTo("2026年12月1日 9:00 JST");
		assertThat(japanese.date(MIDNIGHT_UTC)).isEqualTo("2026年12月1日");
		assertThat(new TimeFormat(TOKYO, Locale.forLanguageTag("ja-JP")).dateTime(MIDNIGHT_UTC))
			.isEqualTo("2026年12月1日 9:00 JST");
		assertThat(new TimeFormat(TOKYO, Locale.FRENCH).locale()).isEqualTo(Locale.ENGLISH);
	}

	@Test
	@DisplayName("Summer time: the same wall clock a day apart across London's change, and the short name follows it")
	void crossesSummerTime() {
		TimeFormat london = new TimeFormat(LONDON, Locale.ENGLISH);
		// 2026-03-29 01:00 UTC: clocks go forward from 01:00 GMT to 02:00 BST.
		assertThat(london.dateTime(Instant.parse("2026-03-29T00:59:00Z"))).isEqualTo("29 Mar 2026, 00:59 GMT");
		assertThat(london.dateTime(Instant.parse("2026-03-29T01:00:00Z"))).isEqualTo("29 Mar 2026, 02:00 BST");
		assertThat(london.zoneName(Instant.parse("2026-07-01T00:00:00Z"))).isEqualTo("BST");
		assertThat(london.zoneName(Instant.parse("2026-12-01T00:00:00Z"))).isEqualTo("GMT");
	}

	@Test
	@DisplayName("A typed datetime-local is meant in the person's zone; a skipped hour moves on, a repeated one means the first")
	void readsTypedTimesInTheZone() {
		assertThat(new TimeFormat(TOKYO, Locale.ENGLISH).parseInput("2026-12-01T09:00")).contains(MIDNIGHT_UTC);
		TimeFormat london = new TimeFormat(LONDON, Locale.ENGLISH);
		assertThat(london.parseInput("2026-03-29T01:30")).contains(Instant.parse("2026-03-29T01:30:00Z"));
		assertThat(london.parseInput("2026-10-25T01:30")).contains(Instant.parse("2026-10-25T00:30:00Z"));
		assertThat(london.parseInput(" ")).isEmpty();
		assertThatThrownBy(() -> london.parseInput("tomorrow")).isInstanceOf(DateTimeParseException.class);
		assertThat(new TimeFormat(TOKYO, Locale.ENGLISH).inputValue(MIDNIGHT_UTC)).isEqualTo("2026-12-01T09:00");
		assertThat(new TimeFormat(NEW_YORK, Locale.ENGLISH).dateValue(MIDNIGHT_UTC)).isEqualTo("2026-11-30");
		assertThat(new TimeFormat(TOKYO, Locale.ENGLISH).startOf(LocalDate.parse("2026-12-01")))
			.isEqualTo(Instant.parse("2026-11-30T15:00:00Z"));
	}

	@Test
	@DisplayName("R-2.3 instants written in a notice's text are shown in the reader's zone; other text stays as it is")
	void rewritesInstantsInText() {
		TimeFormat tokyo = new TimeFormat(TOKYO, Locale.ENGLISH);
		assertThat(tokyo.text("Takes effect on 2026-12-01T00:00:00Z. Lifted 2026-11-30T13:37:39.123456Z."))
			.isEqualTo("Takes effect on 1 Dec 2026, 09:00 JST. Lifted 30 Nov 2026, 22:37 JST.");
		assertThat(new TimeFormat(TOKYO, Locale.JAPANESE).text("2026-12-01T00:00:00Z に発効します。"))
			.isEqualTo("2026年12月1日 9:00 JST に発効します。");
		assertThat(tokyo.text("Order 2026-12-01 costs $1 (see /app/orders/1T2)")).isEqualTo(
				"Order 2026-12-01 costs $1 (see /app/orders/1T2)");
		assertThat(tokyo.text(null)).isNull();
		assertThat(tokyo.dateTime(null)).isEmpty();
	}

	@Test
	@DisplayName("Only IANA zone names are accepted; offsets, aliases of nothing and junk are refused")
	void acceptsOnlyKnownZones() {
		assertThat(TimeZones.parse("Asia/Tokyo")).contains(TOKYO);
		assertThat(TimeZones.parse(" UTC ")).contains(ZoneId.of("UTC"));
		assertThat(TimeZones.parse("Mars/Olympus_Mons")).isEmpty();
		assertThat(TimeZones.parse("+09:00")).isEmpty();
		assertThat(TimeZones.parse("")).isEmpty();
		assertThat(TimeZones.parse(null)).isEmpty();
		assertThat(TimeZones.names()).contains("Asia/Tokyo", "Europe/London", "UTC").doesNotContain("+09:00");
	}
}
