package portal.customers.inventory;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import portal.customers.HeldInstances;
import portal.platform.Invalidations;
import portal.platform.ServiceLimit;
import portal.platform.SqlArrays;

/** The relevant-service contracts: the aggregate for writes, rows for reads. */
@Repository
class Contracts {

	private static final String ROW = """
			SELECT c.contract_no, c.relevant_service, c.contracting_company, c.record_legal_name,
				c.record_registration_number, coalesce(cu.code, '') AS customer_code, c.start_date, c.end_date, c.state,
				(SELECT count(*) FROM customers.service_instances i WHERE i.contract_no = c.contract_no) AS instances
			FROM customers.contracts c LEFT JOIN customers.customers cu ON cu.id = c.customer_id""";

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	Contracts(JdbcClient jdbc, Invalidations invalidations) {
		this.invalidations = invalidations;
		this.jdbc = jdbc;
	}

	/** The contract, locked until the transaction ends so that two reports of it take turns. */
	Optional<Contract> lock(String contractNo) {
		return jdbc.sql("""
				SELECT contract_no, relevant_service, contracting_company, record_legal_name, record_registration_number,
					customer_id, start_date, end_date, state, updated_at
				FROM customers.contracts WHERE contract_no = ? FOR UPDATE""")
			.param(contractNo).query(Contracts::toContract).optional();
	}

	/** The company holding a contract number, whether or not the contract is in scope. */
	Optional<String> company(String contractNo) {
		return jdbc.sql("SELECT customers.contract_company(?)").param(contractNo).query(String.class).optional()
			.filter(java.util.Objects::nonNull);
	}

	/** @return false when another transaction recorded the same contract number first */
	boolean insert(Contract contract) {
		return jdbc.sql("""
				INSERT INTO customers.contracts (contract_no, relevant_service, contracting_company, record_legal_name,
					record_registration_number, customer_id, start_date, end_date, state, created_at, updated_at)
				VALUES (:no, :service, :company, :legalName, :registration, :customer, :start, :end, :state, :at, :at)
				ON CONFLICT (contract_no) DO NOTHING""")
			.params(parameters(contract)).update() == 1;
	}

	void update(Contract contract) {
		invalidations.publish(HeldInstances.CHANGED_TOPIC, contract.contractNo());
		jdbc.sql("""
				UPDATE customers.contracts SET record_legal_name = :legalName, record_registration_number = :registration,
					customer_id = :customer, start_date = :start, end_date = :end, state = :state, updated_at = :at
				WHERE contract_no = :no""")
			.params(parameters(contract)).update();
	}

	Optional<ContractRow> row(String contractNo) {
		return jdbc.sql(ROW + " WHERE c.contract_no = ?").param(contractNo).query(Contracts::toRow).optional();
	}

	/** contracts_customer_service */
	InventoryPage<ContractRow> ofCustomer(UUID customer, String relevantService, String state, Paging paging,
			ServiceLimit limit) {
		Map<String, Object> params = new HashMap<>();
		params.put("customer", customer);
		StringBuilder where = new StringBuilder(" WHERE c.customer_id = :customer");
		if (limit.limitsServices()) {
			where.append(" AND c.relevant_service = ANY (CAST(:limitServices AS text[]))");
			params.put("limitServices", SqlArrays.text(limit.services()));
		}
		if (limit.withholdsServices()) {
			where.append(" AND NOT c.relevant_service = ANY (CAST(:withheld AS text[]))");
			params.put("withheld", SqlArrays.text(limit.withheld()));
		}
		if (limit.limitsInstances()) {
			where.append(" AND EXISTS (SELECT 1 FROM customers.service_instances li WHERE li.contract_no = c.contract_no"
					+ " AND li.id = ANY (CAST(:limitInstances AS text[])))");
			params.put("limitInstances", SqlArrays.text(limit.instances()));
		}
		if (!relevantService.isBlank()) {
			where.append(" AND c.relevant_service = :service");
			params.put("service", relevantService);
		}
		if (!state.isBlank()) {
			where.append(" AND c.state = :state");
			params.put("state", state);
		}
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		long[] total = { 0 };
		List<ContractRow> rows = jdbc.sql(ROW.replace(" AS instances", " AS instances, count(*) OVER () AS total") + where
				+ " ORDER BY c.relevant_service, c.contract_no LIMIT :limit OFFSET :offset")
			.params(params).query((rs, n) -> {
				total[0] = rs.getLong("total");
				return toRow(rs, n);
			}).list();
		if (rows.isEmpty() && paging.offset() > 0) {
			// Past the last page the window counts nothing: count apart.
			params.remove("limit");
			params.remove("offset");
			total[0] = jdbc.sql("SELECT count(*) FROM customers.contracts c" + where).params(params)
				.query(Long.class).single();
		}
		return new InventoryPage<>(rows, paging.page(), paging.size(), total[0]);
	}

	List<ContractRow> numbered(List<String> contractNumbers) {
		if (contractNumbers.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(ROW + " WHERE c.contract_no IN (:numbers)").param("numbers", contractNumbers)
			.query(Contracts::toRow).list();
	}

	/** contracts_customer_service: whether the customer has contracts, and whether any is still active. */
	boolean allEnded(UUID customer) {
		return jdbc.sql("""
				SELECT count(*) > 0 AND count(*) FILTER (WHERE state = 'active') = 0
				FROM customers.contracts WHERE customer_id = ?""")
			.param(customer).query(Boolean.class).single();
	}

	/** contracts_customer_service: the customers holding an active contract for the relevant service. */
	List<UUID> customersHolding(String relevantService) {
		return jdbc.sql("""
				SELECT DISTINCT customer_id FROM customers.contracts
				WHERE relevant_service = ? AND state = 'active' AND customer_id IS NOT NULL""")
			.param(relevantService).query(UUID.class).list();
	}

	private static Map<String, Object> parameters(Contract contract) {
		Map<String, Object> params = new HashMap<>();
		params.put("no", contract.contractNo());
		params.put("service", contract.relevantService());
		params.put("company", contract.contractingCompany());
		params.put("legalName", contract.customerOfRecord().legalName());
		params.put("registration", contract.customerOfRecord().registrationNumber());
		params.put("customer", contract.customerId().orElse(null));
		params.put("start", Date.valueOf(contract.startDate()));
		params.put("end", contract.endDate().map(Date::valueOf).orElse(null));
		params.put("state", contract.state().code());
		params.put("at", Timestamp.from(contract.updatedAt()));
		return params;
	}

	private static Contract toContract(ResultSet rs, int n) throws SQLException {
		return new Contract(rs.getString("contract_no"), rs.getString("relevant_service"),
				rs.getString("contracting_company"),
				new CustomerOfRecord(rs.getString("record_legal_name"), rs.getString("record_registration_number")),
				rs.getObject("customer_id", UUID.class), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), ContractState.of(rs.getString("state")).orElseThrow(),
				rs.getTimestamp("updated_at").toInstant());
	}

	private static ContractRow toRow(ResultSet rs, int n) throws SQLException {
		return new ContractRow(rs.getString("contract_no"), rs.getString("relevant_service"),
				rs.getString("contracting_company"),
				new CustomerOfRecord(rs.getString("record_legal_name"), rs.getString("record_registration_number")),
				rs.getString("customer_code"), rs.getObject("start_date", LocalDate.class),
				rs.getObject("end_date", LocalDate.class), rs.getString("state"), rs.getLong("instances"));
	}
}
