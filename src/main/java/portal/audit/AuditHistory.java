package portal.audit;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * The history of one kind of target (users, for instance) as pages of the trail: the
 * database returns exactly the entries of a page, however far back the page lies. A
 * customer's reader sees only its own customer's entries.
 */
@Service
public class AuditHistory {

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final AuditTrail trail;

	AuditHistory(JdbcClient jdbc, Tenancy tenancy, AuditTrail trail) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.trail = trail;
	}

	/** One page of the selected entries, newest first, with the count of all selected. */
	@Transactional(readOnly = true)
	public AuditPage select(AuditSelection selection) {
		StringBuilder where = new StringBuilder(" WHERE target_type = :targetType");
		Map<String, Object> params = new HashMap<>();
		params.put("targetType", selection.targetType());
		if (tenancy.scope().kind() == TenantScope.Kind.CUSTOMER) {
			// Row-level security already hides other customers; the filter lets the index serve the query.
			UUID customer = tenancy.scope().customerId().orElseThrow();
			where.append(" AND customer_id = :customer");
			params.put("customer", customer);
		}
		if (!selection.targetId().isEmpty()) {
			where.append(" AND target_id = :targetId");
			params.put("targetId", selection.targetId());
		}
		if (!selection.actions().isEmpty()) {
			where.append(" AND action IN (:actions)");
			params.put("actions", selection.actions());
		}
		long total = jdbc.sql("SELECT count(*) FROM audit.entries" + where).params(params).query(Long.class).single();
		params.put("limit", selection.size());
		params.put("offset", (long) selection.page() * selection.size());
		List<AuditEntry> entries = jdbc.sql("""
				SELECT id, occurred_at, actor, actor_kind, customer_id, action, target_type, target_id, origin, details
				FROM audit.entries""" + where + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(trail::entry)
			.list();
		return new AuditPage(entries, selection.page(), selection.size(), total);
	}
}
