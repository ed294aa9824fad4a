package portal.catalog;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.catalog.events.CatalogAmended;
import portal.catalog.events.CatalogAmended.Change;
import portal.catalog.events.CatalogAmended.Subject;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The history of catalog amendments, append-only. Every {@link CatalogAmended} lands here
 * in the transaction that published it, so the history cannot miss an amendment.
 */
@Repository
class Amendments {

	private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
	};

	private static final String COLUMNS = "id, subject, subject_key, change, effective_date, amended_by, amended_at, before, after";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	Amendments(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	@EventListener
	void on(CatalogAmended amended) {
		jdbc.sql("""
				INSERT INTO catalog.amendments (subject, subject_key, change, effective_date, amended_by, amended_at, before, after)
				VALUES (?, ?, ?, ?, ?, ?, CAST(? AS jsonb), CAST(? AS jsonb))
				""")
			.params(amended.subject().code(), amended.key(), amended.change().code(), amended.effectiveDate(),
					amended.amendedBy(), Timestamp.from(amended.amendedAt().truncatedTo(ChronoUnit.MICROS)),
					json.writeValueAsString(amended.before()), json.writeValueAsString(amended.after()))
			.update();
	}

	/** The newest amendments first (index amendments_newest_first). */
	List<Amendment> newestFirst(int limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.amendments ORDER BY amended_at DESC, id DESC LIMIT ?")
			.param(limit)
			.query(this::amendment)
			.list();
	}

	/** One entry's amendments, newest first (index amendments_of_subject). */
	List<Amendment> of(Subject subject, String key) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM catalog.amendments WHERE subject = ? AND subject_key = ?"
				+ " ORDER BY amended_at DESC, id DESC")
			.params(subject.code(), key)
			.query(this::amendment)
			.list();
	}

	private Amendment amendment(ResultSet rs, int row) throws SQLException {
		return new Amendment(rs.getLong("id"), Subject.ofCode(rs.getString("subject")), rs.getString("subject_key"),
				Change.ofCode(rs.getString("change")), rs.getObject("effective_date", LocalDate.class),
				rs.getString("amended_by"), rs.getTimestamp("amended_at").toInstant(),
				json.readValue(rs.getString("before"), STATE), json.readValue(rs.getString("after"), STATE));
	}
}
