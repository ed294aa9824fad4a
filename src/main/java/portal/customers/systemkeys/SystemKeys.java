package portal.customers.systemkeys;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The system API keys. */
@Repository
class SystemKeys {

	private static final String COLUMNS = "id, name, contracting_company, secret_hash, created_at, created_by, "
			+ "revoked_at, revoked_by, last_used_at";

	private final JdbcClient jdbc;

	SystemKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** @return false when the name is taken */
	boolean insert(SystemKey key) {
		return jdbc.sql("INSERT INTO customers.system_keys (id, name, contracting_company, secret_hash, created_at, "
				+ "created_by) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")
			.params(key.id(), key.name(), key.contractingCompany(), key.secretHash(), Timestamp.from(key.createdAt()),
					key.createdBy())
			.update() == 1;
	}

	Optional<SystemKey> find(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM customers.system_keys WHERE id = ?").param(id)
			.query(SystemKeys::toKey).optional();
	}

	void saveRevocation(SystemKey key) {
		jdbc.sql("UPDATE customers.system_keys SET revoked_at = ?, revoked_by = ? WHERE id = ?")
			.params(key.revokedAt().map(Timestamp::from).orElseThrow(), key.revokedBy().orElseThrow(), key.id())
			.update();
	}

	/** Records a use, at most once per interval, so a busy system does not write on every call. */
	void touch(String id, Instant now, Duration interval) {
		jdbc.sql("""
				UPDATE customers.system_keys SET last_used_at = :now
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :since)""")
			.param("now", Timestamp.from(now))
			.param("since", Timestamp.from(now.minus(interval)))
			.param("id", id)
			.update();
	}

	/** system_keys_created; all keys, or (company non-blank) one company's. */
	List<SystemKeyView> list(String company) {
		Map<String, Object> params = new HashMap<>();
		String where = "";
		if (!company.isBlank()) {
			where = " WHERE contracting_company = :company";
			params.put("company", company);
		}
		return jdbc.sql("SELECT " + COLUMNS + " FROM customers.system_keys" + where + " ORDER BY created_at DESC, id")
			.params(params).query(SystemKeys::toKey).list().stream().map(SystemKey::view).toList();
	}

	private static SystemKey toKey(ResultSet rs, int n) throws SQLException {
		return new SystemKey(rs.getString("id"), rs.getString("name"), rs.getString("contracting_company"),
				rs.getBytes("secret_hash"), rs.getTimestamp("created_at").toInstant(), rs.getString("created_by"),
				instant(rs.getTimestamp("revoked_at")), rs.getString("revoked_by"),
				instant(rs.getTimestamp("last_used_at")));
	}

	private static Instant instant(Timestamp timestamp) {
		return timestamp == null ? null : timestamp.toInstant();
	}
}
