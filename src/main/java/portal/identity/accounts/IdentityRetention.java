package portal.identity.accounts;

import java.time.Instant;
import java.util.UUID;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import portal.retention.CustomerErasure;
import portal.retention.DataClass;
import portal.retention.Purge;

/**
 * The identity module's share of retention. An ended session is one past its expiry
 * (signing out deletes a session at once, and the session store's own cleanup removes expired
 * ones within minutes; this purge is the backstop, for instance on a cluster whose cleanup
 * did not run). A terminated customer's accounts go with their sessions, API tokens,
 * activation links, recovery codes, lost-credential reports and consent confirmations; the
 * login IDs are never issued again (their sequence never repeats), and the audit trail and
 * the accepted terms (with their text's hash) are kept.
 */
@Configuration(proxyBeanMethods = false)
class IdentityRetention {

	@Bean
	Purge endedSessionsPurge(JdbcClient jdbc) {
		return new Purge() {
			@Override
			public DataClass dataClass() {
				return DataClass.ENDED_SESSIONS;
			}

			@Override
			public Purged purgeBefore(Instant cutoff) {
				long before = cutoff.toEpochMilli();
				String range = jdbc.sql("""
						SELECT to_timestamp(min(expiry_time) / 1000.0)::text || ' to ' || to_timestamp(max(expiry_time) / 1000.0)::text
						FROM platform.spring_session WHERE expiry_time < ?""")
					.param(before).query(String.class).optional().orElse("");
				int deleted = jdbc.sql("DELETE FROM platform.spring_session WHERE expiry_time < ?").param(before).update();
				return deleted == 0 ? Purged.NOTHING : new Purged(deleted, "sessions expired " + range);
			}
		};
	}

	@Bean
	CustomerErasure identityErasure(JdbcClient jdbc) {
		return new CustomerErasure() {
			@Override
			public String part() {
				return "identity";
			}

			@Override
			public long erase(UUID customerId) {
				String accounts = "SELECT id FROM identity.accounts WHERE customer_id = :customer";
				long rows = jdbc.sql("""
						DELETE FROM platform.spring_session WHERE principal_name IN (
							SELECT login_id FROM identity.accounts WHERE customer_id = :customer)""")
					.param("customer", customerId).update();
				// Consent confirmations are the terms module's evidence of consent and stay, like acceptances.
				for (String table : new String[] { "api_tokens", "activation_links", "recovery_codes",
						"lost_credential_reports" }) {
					rows += jdbc.sql("DELETE FROM identity." + table + " WHERE account_id IN (" + accounts + ")")
						.param("customer", customerId).update();
				}
				rows += jdbc.sql("DELETE FROM identity.accounts WHERE customer_id = :customer").param("customer", customerId)
					.update();
				return rows;
			}
		};
	}
}
