package portal.orders.ordering;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The service orders with their timelines: the aggregate for writes, pages of it for reads. */
@Repository
class ServiceOrders {

	private static final TypeReference<List<Map<String, Object>>> ITEMS = new TypeReference<>() {
	};

	private static final TypeReference<List<Map<String, String>>> NOTES = new TypeReference<>() {
	};

	private static final String COLUMNS = """
			o.id, o.customer_id, o.relevant_service, o.contracting_company, o.description, o.items, o.state,
			o.state_before_cancellation, o.approval_required, o.submitted_by, o.submitter_account, o.approved_by,
			o.approver_account, o.order_date, o.updated_at, o.completion_date, o.request_hash, o.external_id,
			o.notification_contact, o.requested_start_date, o.requested_completion_date, o.notes""";

	private final JdbcClient jdbc;

	private final JsonMapper json;

	ServiceOrders(JdbcClient jdbc, JsonMapper json) {
		this.jdbc = jdbc;
		this.json = json;
	}

	/**
	 * @return false when an order with the same submitter and idempotency key exists already
	 *         (service_orders_idempotency); nothing is written then
	 */
	boolean insert(ServiceOrder order, String idempotencyKey, String requestHash) {
		Map<String, Object> params = new HashMap<>();
		params.put("id", order.id());
		params.put("customer", order.customerId());
		params.put("service", order.relevantService());
		params.put("company", order.contractingCompany());
		params.put("description", order.description());
		params.put("items", json.writeValueAsString(order.items().stream().map(ServiceOrders::item).toList()));
		params.put("required", order.approvalRequired());
		params.put("submittedBy", order.submittedBy());
		params.put("submitterAccount", order.submitterAccount().orElse(null));
		params.put("key", idempotencyKey);
		params.put("hash", requestHash);
		params.put("orderDate", Timestamp.from(order.orderDate()));
		params.putAll(mutable(order));
		boolean inserted = jdbc.sql("""
				INSERT INTO orders.service_orders (id, customer_id, relevant_service, contracting_company, description,
					items, state, state_before_cancellation, approval_required, submitted_by, submitter_account,
					approved_by, approver_account, idempotency_key, request_hash, order_date, updated_at, completion_date)
				VALUES (:id, :customer, :service, :company, :description, CAST(:items AS jsonb), :state, :before,
					:required, :submittedBy, :submitterAccount, :approvedBy, :approverAccount, :key, :hash, :orderDate,
					:updatedAt, :completionDate)
				ON CONFLICT (customer_id, submitted_by, idempotency_key) WHERE idempotency_key IS NOT NULL DO NOTHING""")
			.params(params).update() == 1;
		if (inserted) {
			insertTimeline(order);
		}
		return inserted;
	}

	void update(ServiceOrder order) {
		Map<String, Object> params = mutable(order);
		params.put("id", order.id());
		params.put("description", order.description());
		params.put("externalId", order.externalId().orElse(null));
		params.put("contact", order.notificationContact().orElse(null));
		params.put("start", order.requestedStartDate().map(Timestamp::from).orElse(null));
		params.put("completion", order.requestedCompletionDate().map(Timestamp::from).orElse(null));
		params.put("notes", json.writeValueAsString(order.notes().stream().map(n -> Map.of("author", n.author(),
				"date", n.date().toString(), "text", n.text())).toList()));
		jdbc.sql("""
				UPDATE orders.service_orders SET state = :state, state_before_cancellation = :before,
					approved_by = :approvedBy, approver_account = :approverAccount, updated_at = :updatedAt,
					completion_date = :completionDate, description = :description, external_id = :externalId,
					notification_contact = :contact, requested_start_date = :start,
					requested_completion_date = :completion, notes = CAST(:notes AS jsonb)
				WHERE id = :id""").params(params).update();
		insertTimeline(order);
	}

	/** The order, locked until the transaction ends so that two moves of it take turns. */
	Optional<ServiceOrder> lock(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders.service_orders o WHERE o.id = ? FOR UPDATE").param(id)
			.query(this::toOrder).optional();
	}

	Optional<ServiceOrder> find(UUID id) {
		return jdbc.sql("SELECT " + COLUMNS + " FROM orders.service_orders o WHERE o.id = ?").param(id)
			.query(this::toOrder).optional();
	}

	/** The order an earlier request with the same key created, and the hash of that request's body. */
	Optional<Map.Entry<ServiceOrder, String>> byIdempotencyKey(UUID customer, String submittedBy, String key) {
		return jdbc.sql("SELECT " + COLUMNS + """
				 FROM orders.service_orders o
				WHERE o.customer_id = ? AND o.submitted_by = ? AND o.idempotency_key = ?""")
			.params(customer, submittedBy, key)
			.query((rs, n) -> Map.entry(toOrder(rs, n), rs.getString("request_hash"))).optional();
	}

	/** service_orders_customer_date or service_orders_company_state, depending on the filter. */
	OrderPage search(OrderFilter filter, int offset, int limit) {
		Map<String, Object> params = new HashMap<>();
		StringBuilder where = new StringBuilder(" WHERE true");
		filter.customer().ifPresent(c -> {
			where.append(" AND o.customer_id = :customer");
			params.put("customer", c);
		});
		filter.company().ifPresent(c -> {
			where.append(" AND o.contracting_company = :company");
			params.put("company", c);
		});
		if (!filter.states().isEmpty()) {
			where.append(" AND o.state = ANY (CAST(:states AS text[]))");
			params.put("states", "{" + String.join(",", filter.states().stream().map(OrderState::code).toList()) + "}");
		}
		if (!filter.relevantService().isEmpty()) {
			where.append(" AND o.relevant_service = :service");
			params.put("service", filter.relevantService());
		}
		if (!filter.instanceId().isEmpty()) {
			where.append(" AND o.items @> CAST(:instance AS jsonb)");
			params.put("instance", json.writeValueAsString(List.of(Map.of("instanceId", filter.instanceId()))));
		}
		if (!filter.submittedBy().isEmpty()) {
			where.append(" AND o.submitted_by = :submittedBy");
			params.put("submittedBy", filter.submittedBy());
		}
		filter.from().ifPresent(from -> {
			where.append(" AND o.order_date >= :from");
			params.put("from", Timestamp.from(from));
		});
		filter.to().ifPresent(to -> {
			where.append(" AND o.order_date < :to");
			params.put("to", Timestamp.from(to));
		});
		if (filter.limit().limitsServices()) {
			where.append(" AND o.relevant_service = ANY (CAST(:limitServices AS text[]))");
			params.put("limitServices", portal.platform.SqlArrays.text(filter.limit().services()));
		}
		if (filter.limit().withholdsServices()) {
			where.append(" AND NOT o.relevant_service = ANY (CAST(:withheld AS text[]))");
			params.put("withheld", portal.platform.SqlArrays.text(filter.limit().withheld()));
		}
		if (filter.limit().limitsInstances()) {
			where.append(" AND EXISTS (SELECT 1 FROM jsonb_array_elements(o.items) it"
					+ " WHERE it->>'instanceId' = ANY (CAST(:limitInstances AS text[])))");
			params.put("limitInstances", portal.platform.SqlArrays.text(filter.limit().instances()));
		}
		long total = jdbc.sql("SELECT count(*) FROM orders.service_orders o" + where).params(params)
			.query(Long.class).single();
		params.put("limit", limit);
		params.put("offset", offset);
		List<ServiceOrder> orders = jdbc.sql("SELECT " + COLUMNS + " FROM orders.service_orders o" + where
				+ " ORDER BY o.order_date DESC, o.id LIMIT :limit OFFSET :offset")
			.params(params).query(this::toOrder).list();
		return new OrderPage(orders, offset, limit, total);
	}

	private void insertTimeline(ServiceOrder order) {
		for (TimelineEntry entry : order.takeAddedTimeline()) {
			jdbc.sql("""
					INSERT INTO orders.order_events (order_id, seq, customer_id, at, state, actor, note)
					VALUES (?, ?, ?, ?, ?, ?, ?)""")
				.params(order.id(), entry.seq(), order.customerId(), Timestamp.from(entry.at()), entry.state().code(),
						entry.actor(), entry.note())
				.update();
		}
	}

	private List<TimelineEntry> timeline(UUID order) {
		return jdbc.sql("SELECT seq, at, state, actor, note FROM orders.order_events WHERE order_id = ? ORDER BY seq")
			.param(order)
			.query((rs, n) -> new TimelineEntry(rs.getInt("seq"), rs.getTimestamp("at").toInstant(),
					OrderState.of(rs.getString("state")).orElseThrow(), rs.getString("actor"), rs.getString("note")))
			.list();
	}

	private static Map<String, Object> mutable(ServiceOrder order) {
		Map<String, Object> params = new HashMap<>();
		params.put("state", order.state().code());
		params.put("before", order.stateBeforeCancellation().map(OrderState::code).orElse(null));
		params.put("approvedBy", order.approvedBy().orElse(null));
		params.put("approverAccount", order.approverAccount().orElse(null));
		params.put("updatedAt", Timestamp.from(order.updatedAt()));
		params.put("completionDate", order.completionDate().map(Timestamp::from).orElse(null));
		return params;
	}

	private static Map<String, Object> item(OrderItem item) {
		Map<String, Object> map = new LinkedHashMap<>();
		map.put("id", item.id());
		map.put("action", item.action().code());
		map.put("orderType", item.orderType());
		map.put("instanceId", item.instanceId());
		map.put("contractNo", item.contractNo());
		map.put("parameters", item.parameters());
		return map;
	}

	@SuppressWarnings("unchecked")
	private ServiceOrder toOrder(ResultSet rs, int n) throws SQLException {
		UUID id = rs.getObject("id", UUID.class);
		List<OrderItem> items = new ArrayList<>();
		for (Map<String, Object> item : json.readValue(rs.getString("items"), ITEMS)) {
			items.add(new OrderItem((String) item.get("id"), ItemAction.of((String) item.get("action")).orElseThrow(),
					(String) item.get("orderType"), (String) item.get("instanceId"), (String) item.get("contractNo"),
					(Map<String, Object>) item.get("parameters")));
		}
		String before = rs.getString("state_before_cancellation");
		return new ServiceOrder(id, rs.getObject("customer_id", UUID.class), rs.getString("relevant_service"),
				rs.getString("contracting_company"), rs.getString("description"), items,
				rs.getBoolean("approval_required"), rs.getString("submitted_by"),
				rs.getObject("submitter_account", UUID.class), instant(rs, "order_date"),
				OrderState.of(rs.getString("state")).orElseThrow(), before == null ? null : OrderState.of(before)
					.orElseThrow(),
				rs.getString("approved_by"), rs.getObject("approver_account", UUID.class), instant(rs, "updated_at"),
				rs.getTimestamp("completion_date") == null ? null : instant(rs, "completion_date"), timeline(id))
			.restoreParticulars(rs.getString("external_id"), rs.getString("notification_contact"),
					optionalInstant(rs, "requested_start_date"), optionalInstant(rs, "requested_completion_date"),
					json.readValue(rs.getString("notes"), NOTES).stream().map(note -> new OrderNote(note.get("author"),
							Instant.parse(note.get("date")), note.get("text"))).toList());
	}

	private static Instant optionalInstant(ResultSet rs, String column) throws SQLException {
		Timestamp at = rs.getTimestamp(column);
		return at == null ? null : at.toInstant();
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		return rs.getTimestamp(column).toInstant();
	}
}
