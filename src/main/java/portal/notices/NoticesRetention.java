package portal.notices;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.retention.CustomerErasure;
import portal.retention.DataClass;
import portal.retention.Purge;

/**
 * The notices module's share of retention. A notice is past its period once both its
 * publication and the end of the event it announces lie before the cutoff; it goes with its
 * inbox entries, and mails queued for it keep their text but no longer name it. A mail is
 * past its period once it was sent before the cutoff; unsent mails are kept. A terminated
 * customer's inbox, mails, calendar feeds and the notices addressed to it alone are erased.
 */
@Configuration(proxyBeanMethods = false)
class NoticesRetention {

	private static final String OLD_NOTICES = """
			SELECT id FROM notices.notices WHERE publish_at < :cutoff AND coalesce(event_end, publish_at) < :cutoff""";

	@Bean
	Purge noticesPurge(JdbcClient jdbc) {
		return new Purge() {
			@Override
			public DataClass dataClass() {
				return DataClass.NOTICES;
			}

			@Override
			public Purged purgeBefore(Instant cutoff) {
				Timestamp at = Timestamp.from(cutoff);
				String range = jdbc.sql("SELECT min(publish_at)::text || ' to ' || max(publish_at)::text FROM notices.notices"
						+ " WHERE id IN (" + OLD_NOTICES + ")").param("cutoff", at).query(String.class).optional().orElse("");
				int deleted = deleteNotices(jdbc, OLD_NOTICES, "cutoff", at);
				return deleted == 0 ? Purged.NOTHING : new Purged(deleted, "notices published " + range);
			}
		};
	}

	@Bean
	Purge sentMailsPurge(JdbcClient jdbc) {
		return new Purge() {
			@Override
			public DataClass dataClass() {
				return DataClass.SENT_MAILS;
			}

			@Override
			public Purged purgeBefore(Instant cutoff) {
				Timestamp at = Timestamp.from(cutoff);
				String range = jdbc.sql("SELECT min(sent_at)::text || ' to ' || max(sent_at)::text FROM notices.outbox"
						+ " WHERE sent_at < ?").param(at).query(String.class).optional().orElse("");
				int deleted = jdbc.sql("DELETE FROM notices.outbox WHERE sent_at < ?").param(at).update();
				return deleted == 0 ? Purged.NOTHING : new Purged(deleted, "mails sent " + range);
			}
		};
	}

	@Bean
	CustomerErasure noticesErasure(JdbcClient jdbc) {
		return new CustomerErasure() {
			@Override
			public String part() {
				return "notices";
			}

			@Override
			public long erase(UUID customerId) {
				long rows = jdbc.sql("DELETE FROM notices.inbox WHERE customer_id = ?").param(customerId).update();
				rows += jdbc.sql("DELETE FROM notices.outbox WHERE customer_id = ?").param(customerId).update();
				rows += jdbc.sql("DELETE FROM notices.calendar_feeds WHERE customer_id = ?").param(customerId).update();
				rows += deleteNotices(jdbc, "SELECT id FROM notices.notices WHERE customer_id = :customer", "customer",
						customerId);
				return rows;
			}
		};
	}

	// Deletes the notices the query selects, with their inbox entries; mails keep their text.
	private static int deleteNotices(JdbcClient jdbc, String ids, String name, Object value) {
		jdbc.sql("DELETE FROM notices.inbox WHERE notice_id IN (" + ids + ")").param(name, value).update();
		jdbc.sql("UPDATE notices.outbox SET notice_id = NULL WHERE notice_id IN (" + ids + ")").param(name, value)
			.update();
		return jdbc.sql("DELETE FROM notices.notices WHERE id IN (" + ids + ")").param(name, value).update();
	}
}
