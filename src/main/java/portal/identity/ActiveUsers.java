package portal.identity;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.platform.SqlArrays;

/** The active portal users within the caller's scope, for counts such as who accepted a document, a page at a time. */
@Service
public class ActiveUsers {

	/** An active user with their name, for staff who follow up who has not accepted. */
	public record NamedUser(UUID accountId, String loginId, UUID customerId, String name) {
	}

	/** One page of users outside a set, and how many active users there are inside and outside it. */
	public record Outside(List<NamedUser> users, int inside, int outside) {
	}

	private final JdbcClient jdbc;

	ActiveUsers(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The active users whose account is not among {@code accountIds}, one page in order of
	 * customer and login ID, with the counts of active users among and outside them.
	 */
	@Transactional(readOnly = true)
	public Outside outside(Collection<UUID> accountIds, int page, int size) {
		String ids = SqlArrays.text(accountIds.stream().map(UUID::toString).toList());
		int inside = jdbc.sql("""
				SELECT count(*) FROM identity.accounts WHERE kind = 'USER' AND state = 'ACTIVE' AND id = ANY (CAST(? AS uuid[]))""")
			.param(ids).query(Integer.class).single();
		int outside = jdbc.sql("""
				SELECT count(*) FROM identity.accounts WHERE kind = 'USER' AND state = 'ACTIVE' AND NOT id = ANY (CAST(? AS uuid[]))""")
			.param(ids).query(Integer.class).single();
		List<NamedUser> users = jdbc.sql("""
				SELECT id, login_id, customer_id, name FROM identity.accounts
				WHERE kind = 'USER' AND state = 'ACTIVE' AND NOT id = ANY (CAST(? AS uuid[]))
				ORDER BY customer_id, login_id LIMIT ? OFFSET ?""")
			.params(ids, size, (long) Math.max(page, 0) * size)
			.query((rs, n) -> new NamedUser(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
					rs.getString(4)))
			.list();
		return new Outside(users, inside, outside);
	}
}
