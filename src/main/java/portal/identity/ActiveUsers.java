package portal.identity;

import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The active portal users within the caller's scope, for counts such as who accepted a document. */
@Service
public class ActiveUsers {

	/** An active user, by reference only: no personal information. */
	public record ActiveUser(UUID accountId, String loginId, UUID customerId) {
	}

	private final JdbcClient jdbc;

	ActiveUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<ActiveUser> list() {
		return jdbc.sql("""
				SELECT id, login_id, customer_id FROM identity.accounts
				WHERE kind = 'USER' AND state = 'ACTIVE' ORDER BY customer_id, login_id""")
			.query((rs, n) -> new ActiveUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class)))
			.list();
	}
}
