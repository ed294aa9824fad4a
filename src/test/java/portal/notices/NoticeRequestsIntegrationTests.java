package portal.notices;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import portal.MutableClock;
import portal.PortalIntegrationTest;
import portal.customers.Customers;
import portal.notices.events.NoticeRequested;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Tenancy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@PortalIntegrationTest
class NoticeRequestsIntegrationTests {

	@Autowired
	Customers customers;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Tenancy tenancy;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	Inbox inbox;

	@Autowired
	MutableClock clock;

	NoticeFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new NoticeFixtures(customers, jdbc, tenancy, transactions, events).withoutEarlierNoticesToAll();
	}

	private NoticeRequested request(String key, Audience audience, Instant publishAt) {
		return new NoticeRequested(key, Kind.SUSPENSION, audience, "Ordering paused", "Ordering is paused for a day.",
				"注文の一時停止", "注文を1日停止します。", publishAt, null, null, Set.of());
	}

	@Test
	@DisplayName("R-2.3 a requested notice reaches its customer's users once per key, by inbox and by mail in each one's language")
	void requestedNoticeReachesCustomerUsersOnce() {
		UUID alpha = fixtures.customer("Alpha");
		UUID beta = fixtures.customer("Beta");
		String english = fixtures.user(alpha, "en", "viewer");
		String japanese = fixtures.user(alpha, "ja", "administrator");
		String other = fixtures.user(beta, "en", "viewer");
		String key = "test:" + fixtures.run + ":once";

		fixtures.publish(request(key, Audience.customer(alpha), null));
		fixtures.publish(request(key, Audience.customer(alpha), null));

		assertThat(fixtures.asCustomer(alpha, english, () -> inbox.entries(english, false, null, Locale.ENGLISH, 50)))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.title()).isEqualTo("Ordering paused");
				assertThat(entry.unread()).isTrue();
			});
		assertThat(fixtures.asCustomer(alpha, japanese, () -> inbox.entries(japanese, false, null, Locale.JAPANESE, 50)))
			.singleElement()
			.satisfies(entry -> {
				assertThat(entry.title()).isEqualTo("注文の一時停止");
				assertThat(entry.translated()).isTrue();
			});
		assertThat(fixtures.asCustomer(beta, other, () -> inbox.entries(other, false, null, Locale.ENGLISH, 50)))
			.isEmpty();
		assertThat(fixtures.mailSubjects(english)).containsExactly("[Customer Portal] Suspension: Ordering paused");
		assertThat(fixtures.mailSubjects(japanese)).containsExactly("[カスタマーポータル] 利用停止: 注文の一時停止");
		assertThat(fixtures.mailSubjects(other)).isEmpty();
	}

	@Test
	@DisplayName("R-2.3 a notice scheduled for later is invisible before its time and counted unread from it")
	void scheduledNoticeIsInvisibleBeforeItsTime() {
		UUID alpha = fixtures.customer("Gamma");
		String user = fixtures.user(alpha, "en", "orderer");
		Instant publishAt = clock.instant().plus(Duration.ofHours(2));

		fixtures.publish(request("test:" + fixtures.run + ":later", Audience.customerRole(alpha, "orderer"), publishAt));

		assertThat(fixtures.asCustomer(alpha, user, () -> inbox.entries(user, false, null, Locale.ENGLISH, 50))).isEmpty();
		assertThat(fixtures.asCustomer(alpha, user, () -> inbox.unreadCount(user))).isZero();
		clock.advance(Duration.ofHours(2));
		assertThat(fixtures.asCustomer(alpha, user, () -> inbox.unreadCount(user))).isEqualTo(1);
		UUID id = fixtures.asCustomer(alpha, user, () -> inbox.entries(user, true, Kind.SUSPENSION, Locale.ENGLISH, 50))
			.get(0).id();
		fixtures.asCustomer(alpha, user, () -> {
			inbox.markRead(user, id);
			return null;
		});
		assertThat(fixtures.asCustomer(alpha, user, () -> inbox.unreadCount(user))).isZero();
		assertThat(fixtures.asCustomer(alpha, user, () -> inbox.entries(user, false, Kind.MAINTENANCE, Locale.ENGLISH, 50)))
			.isEmpty();
	}

	@Test
	@DisplayName("R-7.5 a user cannot mark another customer's notice read")
	void otherCustomersNoticeCannotBeMarkedRead() {
		UUID alpha = fixtures.customer("Delta");
		UUID beta = fixtures.customer("Epsilon");
		String alphaUser = fixtures.user(alpha, "en", "viewer");
		String betaUser = fixtures.user(beta, "en", "viewer");
		fixtures.publish(request("test:" + fixtures.run + ":iso", Audience.customer(alpha), null));
		UUID id = fixtures.asCustomer(alpha, alphaUser, () -> inbox.entries(alphaUser, false, null, Locale.ENGLISH, 5))
			.get(0).id();

		assertThatThrownBy(() -> fixtures.asCustomer(beta, betaUser, () -> {
			inbox.markRead(alphaUser, id);
			return null;
		})).isInstanceOf(NoticeRefusal.class);
	}

	@Test
	@DisplayName("R-2.3 a user added after publication finds a notice still addressed to them; the mail went to the audience of then")
	void userAddedAfterPublicationFindsTheNotice() {
		UUID customer = fixtures.customer("Zeta");
		String early = fixtures.user(customer, "en", "viewer");
		fixtures.publish(request("test:" + fixtures.run + ":late-joiner", Audience.customer(customer), null));
		String late = fixtures.user(customer, "en", "viewer");

		assertThat(fixtures.asCustomer(customer, late, () -> inbox.entries(late, false, null, Locale.ENGLISH, 50)))
			.singleElement()
			.satisfies(entry -> assertThat(entry.unread()).isTrue());
		assertThat(fixtures.asCustomer(customer, late, () -> inbox.unreadCount(late))).isEqualTo(1);
		assertThat(fixtures.mailSubjects(early)).hasSize(1);
		assertThat(fixtures.mailSubjects(late)).as("mail goes to those addressed at publication").isEmpty();

		UUID id = fixtures.asCustomer(customer, late, () -> inbox.entries(late, false, null, Locale.ENGLISH, 5)).get(0).id();
		fixtures.asCustomer(customer, late, () -> {
			inbox.markRead(late, id);
			return null;
		});
		assertThat(fixtures.asCustomer(customer, late, () -> inbox.unreadCount(late))).isZero();
		assertThat(fixtures.asCustomer(customer, early, () -> inbox.unreadCount(early))).as("read state is per user")
			.isEqualTo(1);
	}

	@Autowired
	NoticeBoard board;

	@Test
	@DisplayName("R-2.3 a scheduled notice is mailed once, at its publication time, to its audience as it stands then")
	void scheduledNoticeMailedToTheAudienceAtPublication() {
		UUID customer = fixtures.customer("Iota");
		String early = fixtures.user(customer, "en", "viewer");
		fixtures.publish(request("test:" + fixtures.run + ":mail-later", Audience.customer(customer),
				clock.instant().plus(Duration.ofHours(3))));
		String joined = fixtures.user(customer, "en", "viewer");
		board.mailPublished();
		assertThat(fixtures.mailSubjects(early)).as("nothing before the publication time").isEmpty();

		clock.advance(Duration.ofHours(3));
		board.mailPublished();
		board.mailPublished();
		assertThat(fixtures.mailSubjects(early)).hasSize(1);
		assertThat(fixtures.mailSubjects(joined)).as("joined before publication").hasSize(1);
	}

	@Test
	@DisplayName("R-2.3 R-7.2 a notice to a role reaches only users holding it when they read, other customers never")
	void roleAudienceIsResolvedWhenRead() {
		UUID customer = fixtures.customer("Eta");
		UUID other = fixtures.customer("Theta");
		fixtures.publish(request("test:" + fixtures.run + ":role", Audience.customerRole(customer, "orderer"), null));
		String orderer = fixtures.user(customer, "en", "orderer");
		String viewer = fixtures.user(customer, "en", "viewer");
		String otherOrderer = fixtures.user(other, "en", "orderer");

		assertThat(fixtures.asCustomer(customer, orderer, () -> inbox.unreadCount(orderer))).isEqualTo(1);
		assertThat(fixtures.asCustomer(customer, viewer, () -> inbox.unreadCount(viewer))).isZero();
		assertThat(fixtures.asCustomer(other, otherOrderer, () -> inbox.unreadCount(otherOrderer))).isZero();
	}

	@Test
	@DisplayName("R-2.3 the unread count is one query the notices_published index can answer")
	void unreadCountUsesTheIndex() {
		String plan = tenancy.call(portal.platform.Actor.job("test"), portal.platform.TenantScope.system(),
				() -> transactions.execute(status -> {
					jdbc.sql("SET LOCAL enable_seqscan = off").update();
					return String.join("\n", jdbc.sql("""
							EXPLAIN SELECT count(*) FROM notices.notices n
							LEFT JOIN notices.inbox i ON i.notice_id = n.id AND i.login_id = 'x'
							WHERE n.publish_at <= now() AND n.cancelled_at IS NULL AND i.read_at IS NULL""")
						.query(String.class).list());
				}));
		assertThat(plan).contains("notices_published");
	}
}
