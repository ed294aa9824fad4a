package portal.agreements.desk;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.platform.SqlArrays;

/** The applications, in receipt order; and the one-row lock that puts submissions and decisions in turn. */
@Repository
class PortalApplications {

	private static final String COLUMNS = """
			SELECT receipt_no, token_hash, received_at, legal_name, registered_address, country, contact_name,
				contact_email, contact_phone, contract_numbers, contract_companies, admin_name, admin_email, admin_phone,
				language, consent_terms_version, state, decided_at, decided_by, rejection_reason, rejection_note,
				customer_id, admin_login_id
			FROM agreements.applications""";

	private final JdbcClient jdbc;

	PortalApplications(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Takes the queue's lock until the transaction ends and issues the next receipt number.
	 * Numbers are therefore issued in the order their transactions commit.
	 */
	long nextReceiptNo() {
		return jdbc.sql("UPDATE agreements.receipt_counter SET last_receipt = last_receipt + 1 WHERE id = 1 "
				+ "RETURNING last_receipt").query(Long.class).single();
	}

	/** Takes the queue's lock until the transaction ends: decisions take turns across nodes. */
	void lockQueue() {
		jdbc.sql("SELECT last_receipt FROM agreements.receipt_counter WHERE id = 1 FOR UPDATE").query(Long.class).single();
	}

	/** applications_undecided */
	OptionalLong oldestUndecided() {
		return jdbc.sql("SELECT min(receipt_no) FROM agreements.applications WHERE state = 'received'")
			.query(rs -> {
				rs.next();
				long value = rs.getLong(1);
				return rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
			});
	}

	Optional<PortalApplication> byReceiptNo(long receiptNo) {
		return jdbc.sql(COLUMNS + " WHERE receipt_no = ?").param(receiptNo).query(PortalApplications::toApplication)
			.optional();
	}

	/** The queue: by receipt number, optionally of one state, at most {@code limit}. */
	List<PortalApplication> list(Optional<ApplicationState> state, int limit) {
		return jdbc.sql(COLUMNS + " WHERE (CAST(:state AS text) IS NULL OR state = :state) ORDER BY receipt_no LIMIT :limit")
			.param("state", state.map(ApplicationState::code).orElse(null))
			.param("limit", limit)
			.query(PortalApplications::toApplication).list();
	}

	void insert(PortalApplication application) {
		Applicant applicant = application.applicant();
		Map<String, Object> params = new HashMap<>();
		params.put("receiptNo", application.receiptNo());
		params.put("tokenHash", application.tokenHash());
		params.put("receivedAt", Timestamp.from(application.receivedAt()));
		params.put("legalName", applicant.legalName());
		params.put("address", applicant.registeredAddress());
		params.put("country", applicant.country());
		params.put("contactName", applicant.contact().name());
		params.put("contactEmail", applicant.contact().email());
		params.put("contactPhone", applicant.contact().phone());
		params.put("contracts", SqlArrays.text(applicant.contractNumbers()));
		params.put("companies", SqlArrays.text(application.contractCompanies()));
		params.put("adminName", applicant.administrator().name());
		params.put("adminEmail", applicant.administrator().email());
		params.put("adminPhone", applicant.administrator().phone());
		params.put("language", applicant.language());
		params.put("consent", application.consentTermsVersion());
		jdbc.sql("""
				INSERT INTO agreements.applications (receipt_no, token_hash, received_at, legal_name, registered_address,
					country, contact_name, contact_email, contact_phone, contract_numbers, contract_companies, admin_name,
					admin_email, admin_phone, language, consent_terms_version, state)
				VALUES (:receiptNo, :tokenHash, :receivedAt, :legalName, :address, :country, :contactName, :contactEmail,
					:contactPhone, CAST(:contracts AS text[]), CAST(:companies AS text[]), :adminName, :adminEmail,
					:adminPhone, :language, :consent, 'received')""")
			.params(params).update();
	}

	void updateDecision(PortalApplication application) {
		Map<String, Object> params = new HashMap<>();
		params.put("receiptNo", application.receiptNo());
		params.put("state", application.state().code());
		params.put("decidedAt", application.decidedAt().map(Timestamp::from).orElse(null));
		params.put("decidedBy", application.decidedBy().orElse(null));
		params.put("reason", application.rejectionReason().map(RejectionReason::code).orElse(null));
		params.put("note", application.rejectionNote().orElse(null));
		params.put("customer", application.customerId().orElse(null));
		params.put("admin", application.administratorLoginId().orElse(null));
		jdbc.sql("""
				UPDATE agreements.applications SET state = :state, decided_at = :decidedAt, decided_by = :decidedBy,
					rejection_reason = :reason, rejection_note = :note, customer_id = :customer, admin_login_id = :admin
				WHERE receipt_no = :receiptNo""")
			.params(params).update();
	}

	private static PortalApplication toApplication(ResultSet rs, int row) throws SQLException {
		Applicant applicant = new Applicant(rs.getString("legal_name"), rs.getString("registered_address"),
				rs.getString("country"),
				new Applicant.Person(rs.getString("contact_name"), rs.getString("contact_email"),
						rs.getString("contact_phone")),
				texts(rs.getArray("contract_numbers")),
				new Applicant.Person(rs.getString("admin_name"), rs.getString("admin_email"),
						rs.getString("admin_phone")),
				rs.getString("language"), true);
		return new PortalApplication(rs.getLong("receipt_no"), rs.getString("token_hash"),
				instant(rs, "received_at"), applicant, texts(rs.getArray("contract_companies")),
				rs.getInt("consent_terms_version"), ApplicationState.of(rs.getString("state")).orElseThrow(),
				instant(rs, "decided_at"), rs.getString("decided_by"),
				RejectionReason.of(rs.getString("rejection_reason")).orElse(null), rs.getString("rejection_note"),
				rs.getObject("customer_id", java.util.UUID.class), rs.getString("admin_login_id"));
	}

	private static List<String> texts(Array array) throws SQLException {
		return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp value = rs.getTimestamp(column);
		return value == null ? null : value.toInstant();
	}
}
