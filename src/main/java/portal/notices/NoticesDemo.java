package portal.notices;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import portal.notices.events.NoticeRequested;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.demo.DemoAccounts;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;

/** Demo notices: a welcome to every customer and a maintenance window three weeks ahead for one service. */
@Component
@Conditional(DemoModeEnabled.class)
class NoticesDemo implements DemoSeeder {

	private final ApplicationEventPublisher events;

	private final Clock clock;

	NoticesDemo(ApplicationEventPublisher events, Clock clock) {
		this.events = events;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "notices";
	}

	@Override
	public int order() {
		return 410;
	}

	@Override
	public void seed(DemoAccounts accounts) {
		events.publishEvent(new NoticeRequested("demo:welcome", Kind.GENERAL, Audience.allCustomers(),
				"Welcome to the Customer Portal",
				"Notices about your services arrive here and by email. Planned maintenance is also listed in the "
						+ "maintenance calendar, which your calendar app can subscribe to.",
				"カスタマーポータルへようこそ",
				"ご利用サービスに関するお知らせは、こことメールでお届けします。計画メンテナンスはメンテナンスカレンダーにも掲載され、"
						+ "カレンダーアプリで購読できます。",
				null, null, null, Set.of()));
		Instant start = clock.instant().plus(Duration.ofDays(21)).truncatedTo(ChronoUnit.DAYS).plus(Duration.ofHours(17));
		events.publishEvent(new NoticeRequested("demo:maintenance:universal-one", Kind.MAINTENANCE,
				Audience.relevantService("arcstar-universal-one"), "Planned maintenance: Arcstar Universal One portal pages",
				"The pages showing Arcstar Universal One circuits and their usage will be unavailable while the "
						+ "reporting system is upgraded. The circuits themselves are not affected.",
				"計画メンテナンス：Arcstar Universal One のポータル画面",
				"集計システムの更新のため、Arcstar Universal One の回線と利用状況の画面をご利用いただけません。回線自体には影響ありません。",
				null, start, start.plus(Duration.ofHours(4)), Set.of("arcstar-universal-one")));
	}
}
