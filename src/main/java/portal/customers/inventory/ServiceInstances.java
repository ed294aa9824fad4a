package portal.customers.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
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
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The service instances: the aggregate for writes, rows for reads. */
@Repository
class ServiceInstances {

	private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
	};

	private static final String COLUMNS = "i.id, i.contract_no, i.customer_id, i.relevant_service, i.kind, i.label, "
			+ "i.attributes, i.state, i.updated_at";

	private static final String LIST_COLUMNS = "i.id, i.contract_no, i.customer_id, i.relevant_service, i.kind, i.label, "
			+ "NULL AS attributes, i.state, i.updated_at";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	private final Invalidations invalidations;

	ServiceInstances(JdbcClient jdbc, JsonMapper json, Invalidations invalidations) {
		this.invalidations = invalidations;
		this.jdbc = jdbc;
		this.json = json;
	}

	/** The instance, locked until the transaction ends so that two reports of it take turns. */
	Optional<ServiceInstance> lock(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM customers.service_instances i WHERE i.id = ? FOR UPDATE")
			.param(id).query(this::toInstance).optional();
	}

	/** @return false when another transaction recorded the same instance id first */
	boolean insert(ServiceInstance instance) {
		invalidations.publish(HeldInstances.CHANGED_TOPIC, instance.id());
		return jdbc.sql("""
				INSERT INTO customers.service_instances (id, contract_no, relevant_service, kind, label, attributes,
					state, created_at, updated_at)
				VALUES (:id, :contract, :service, :kind, :label, CAST(:attributes AS jsonb), :state, :at, :at)
				ON CONFLICT (id) DO NOTHING""")
			.params(parameters(instance)).update() == 1;
	}

	void update(ServiceInstance instance) {
		invalidations.publish(HeldInstances.CHANGED_TOPIC, instance.id());
		jdbc.sql("""
				UPDATE customers.service_instances SET contract_no = :contract, label = :label,
					attributes = CAST(:attributes AS jsonb), state = :state, updated_at = :at
				WHERE id = :id""")
			.params(parameters(instance)).update();
	}

	/** service_instances_contract_state */
	long liveUnder(String contractNo) {
		return jdbc.sql("""
				SELECT count(*) FROM customers.service_instances
				WHERE contract_no = ? AND state <> 'terminated'""")
			.param(contractNo).query(Long.class).single();
	}

	Optional<InstanceRow> ofCustomer(UUID customer, String id, ServiceLimit limit) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM customers.service_instances i WHERE i.customer_id = ? AND i.id = ?")
			.params(customer, id).query(this::toRow).optional()
			.filter(row -> limit.admits(row.relevantService(), row.id()));
	}

	Optional<InstanceRow> row(String id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM customers.service_instances i WHERE i.id = ?")
			.param(id).query(this::toRow).optional();
	}

	/** service_instances_customer_service_label */
	InventoryPage<InstanceRow> search(UUID customer, InstanceFilter filter, Paging paging, ServiceLimit limit) {
		return search(customer, filter, paging, limit, true);
	}

	/**
	 * One page of the customer's instances and the number of all that match, in one query;
	 * without {@code withAttributes}, the attributes (a list does not show them) are neither
	 * read nor parsed.
	 */
	InventoryPage<InstanceRow> search(UUID customer, InstanceFilter filter, Paging paging, ServiceLimit limit,
			boolean withAttributes) {
		Map<String, Object> params = new HashMap<>();
		params.put("customer", customer);
		StringBuilder where = new StringBuilder(" WHERE i.customer_id = :customer");
		if (limit.limitsServices()) {
			where.append(" AND i.relevant_service = ANY (CAST(:limitServices AS text[]))");
			params.put("limitServices", SqlArrays.text(limit.services()));
		}
		if (limit.withholdsServices()) {
			where.append(" AND NOT i.relevant_service = ANY (CAST(:withheld AS text[]))");
			params.put("withheld", SqlArrays.text(limit.withheld()));
		}
		if (limit.limitsInstances()) {
			where.append(" AND i.id = ANY (CAST(:limitInstances AS text[]))");
			params.put("limitInstances", SqlArrays.text(limit.instances()));
		}
		if (!filter.relevantService().isEmpty()) {
			where.append(" AND i.relevant_service = :service");
			params.put("service", filter.relevantService());
		}
		if (!filter.contractNo().isEmpty()) {
			where.append(" AND i.contract_no = :contract");
			params.put("contract", filter.contractNo());
		}
		if (!filter.state().isEmpty()) {
			where.append(" AND i.state = :state");
			params.put("state", filter.state());
		}
		if (!filter.text().isEmpty()) {
			where.append(" AND (i.label ILIKE :pattern OR i.id ILIKE :pattern)");
			params.put("pattern", Like.containing(filter.text()));
		}
		params.put("limit", paging.size());
		params.put("offset", paging.offset());
		long[] total = { 0 };
		List<InstanceRow> rows = jdbc.sql("SELECT " + (withAttributes ? COLUMNS : LIST_COLUMNS)
				+ ", count(*) OVER () AS total FROM customers.service_instances i" + where
				+ " ORDER BY i.relevant_service, i.label, i.id LIMIT :limit OFFSET :offset")
			.params(params).query((rs, n) -> {
				total[0] = rs.getLong("total");
				return toRow(rs, n);
			}).list();
		if (rows.isEmpty() && paging.offset() > 0) {
			// Past the last page the window counts nothing: count apart.
			params.remove("limit");
			params.remove("offset");
			total[0] = jdbc.sql("SELECT count(*) FROM customers.service_instances i" + where).params(params)
				.query(Long.class).single();
		}
		return new InventoryPage<>(rows, paging.page(), paging.size(), total[0]);
	}

	private Map<String, Object> parameters(ServiceInstance instance) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", instance.id());
		params.put("contract", instance.contractNo());
		params.put("service", instance.relevantService());
		params.put("kind", instance.kind());
		params.put("label", instance.label());
		params.put("attributes", json.writeValueAsString(instance.attributes().values()));
		params.put("state", instance.state().code());
		params.put("at", Timestamp.from(instance.updatedAt()));
		return params;
	}

	private ServiceInstance toInstance(ResultSet rs, int n) throws SQLException {
		return new ServiceInstance(rs.getString("id"), rs.getString("contract_no"),
				rs.getObject("customer_id", UUID.class), rs.getString("relevant_service"), rs.getString("kind"),
				rs.getString("label"), Attributes.of(json.readValue(rs.getString("attributes"), MAP)),
				InstanceState.of(rs.getString("state")).orElseThrow(), rs.getTimestamp("updated_at").toInstant());
	}

	private InstanceRow toRow(ResultSet rs, int n) throws SQLException {
		return new InstanceRow(rs.getString("id"), rs.getString("contract_no"), rs.getString("relevant_service"),
				rs.getString("kind"), rs.getString("label"),
				rs.getString("attributes") == null ? Map.of() : json.readValue(rs.getString("attributes"), MAP),
				rs.getString("state"), rs.getTimestamp("updated_at").toInstant());
	}
}
