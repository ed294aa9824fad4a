package portal.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The trail: records entries in the caller's transaction, reads them back within the
 * reader's tenant scope, and verifies the hash chains. A record made in a transaction
 * that rolls back disappears with it.
 */
@Service
public class AuditTrail {

	static final String GLOBAL_CHAIN = "global";

	private static final TypeReference<Map<String, Object>> DETAILS = new TypeReference<>() {
	};

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	private final Clock clock;

	private final JsonMapper json;

	private final AuditCheckpoints checkpoints;

	private final AuditTrailLog trailLog;

	// Chains whose head this node has seen; one per customer, so the bound is only a safeguard.
	private final java.util.Set<String> knownChains = java.util.concurrent.ConcurrentHashMap.newKeySet();

	private static final int MAX_KNOWN_CHAINS = 100_000;

	AuditTrail(JdbcClient jdbc, Tenancy tenancy, Clock clock, JsonMapper json, AuditCheckpoints checkpoints,
			AuditTrailLog trailLog) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
		this.clock = clock;
		this.json = json;
		this.checkpoints = checkpoints;
		this.trailLog = trailLog;
	}

	@EventListener
	void on(Auditable event) {
		record(event.auditRecord());
	}

	/** Appends an entry attributed to the current actor and origin. */
	@Transactional
	public void record(AuditRecord record) {
		Tenancy.Context context = tenancy.current();
		String chain = record.customer().map(UUID::toString).orElse(GLOBAL_CHAIN);
		Timestamp at = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MICROS));
		String details = json.writeValueAsString(record.details());
		// Heads are never removed, so a chain this node has extended once needs no insert of its head;
		// should one be missing after all (its first entry rolled back), the append finds no head and
		// the head is made then.
		if (!knownChains.contains(chain)) {
			startChain(chain);
		}
		Optional<Appended> appended = append(record, context, chain, at, details);
		if (appended.isEmpty() && knownChains.remove(chain)) {
			startChain(chain);
			appended = append(record, context, chain, at, details);
		}
		Appended link = appended
			.orElseThrow(() -> new IllegalStateException("The audit chain " + chain + " could not be extended"));
		trailLog.appended(new AuditTrailLog.Link(chain, link.seq(), link.hash(), at.toInstant(), context.actor().id(),
				context.actor().kind().name(), record.customerId(), record.action(), record.targetType(),
				record.targetId(), context.origin(), details));
		if (knownChains.size() > MAX_KNOWN_CHAINS) {
			knownChains.clear();
		}
		knownChains.add(chain);
	}

	private void startChain(String chain) {
		jdbc.sql("INSERT INTO audit.chain_heads (chain, seq, hash) VALUES (?, 0, ?) ON CONFLICT DO NOTHING")
			.params(chain, ChainLinks.GENESIS)
			.update();
	}

	private record Appended(long seq, byte[] hash) {
	}

	private Optional<Appended> append(AuditRecord record, Tenancy.Context context, String chain, Timestamp at,
			String details) {
		// No RETURNING from the insert: it would make the new entry pass the readers' policy too,
		// and an affiliate's staff may write global entries they may not read. The head (not a
		// tenant row) returns the new link's number and hash instead.
		return jdbc.sql("""
				WITH link AS (
					SELECT h.seq + 1 AS seq, h.hash AS prev FROM audit.chain_heads h WHERE h.chain = :chain FOR UPDATE
				), computed AS (
					SELECT link.seq, link.prev, audit.link_hash(link.prev, :chain, link.seq, :at, :actor, :actorKind,
						:customer, :action, :targetType, :targetId, :origin, CAST(:details AS jsonb)) AS hash
					FROM link
				), entry AS (
					INSERT INTO audit.entries (chain, seq, occurred_at, actor, actor_kind, customer_id, action,
						target_type, target_id, origin, details, prev_hash, hash)
					SELECT :chain, computed.seq, :at, :actor, :actorKind, :customer, :action, :targetType, :targetId,
						:origin, CAST(:details AS jsonb), computed.prev, computed.hash
					FROM computed
				)
				UPDATE audit.chain_heads h SET seq = computed.seq, hash = computed.hash FROM computed
				WHERE h.chain = :chain
				RETURNING h.seq, h.hash
				""")
			.param("chain", chain)
			.param("at", at)
			.param("actor", context.actor().id())
			.param("actorKind", context.actor().kind().name())
			.param("customer", record.customerId())
			.param("action", record.action())
			.param("targetType", record.targetType())
			.param("targetId", record.targetId())
			.param("origin", context.origin())
			.param("details", details)
			.query((rs, row) -> new Appended(rs.getLong("seq"), rs.getBytes("hash")))
			.optional();
	}

	/** A page of the trail, newest first, within the reader's scope; a customer sees only its own. */
	@Transactional(readOnly = true)
	public AuditPage find(AuditQuery query) {
		UUID customer = tenancy.scope().kind() == TenantScope.Kind.CUSTOMER
				? tenancy.scope().customerId().orElseThrow()
				: query.customerId();
		StringBuilder where = new StringBuilder(" WHERE true");
		Map<String, Object> params = new java.util.HashMap<>();
		if (customer != null) {
			where.append(" AND customer_id = :customer");
			params.put("customer", customer);
		}
		if (hasText(query.actor())) {
			where.append(" AND actor = :actor");
			params.put("actor", query.actor());
		}
		if (hasText(query.action())) {
			where.append(" AND action = :action");
			params.put("action", query.action());
		}
		if (query.from() != null) {
			where.append(" AND occurred_at >= :from");
			params.put("from", Timestamp.from(query.from()));
		}
		if (query.to() != null) {
			where.append(" AND occurred_at < :to");
			params.put("to", Timestamp.from(query.to()));
		}
		long total = jdbc.sql("SELECT count(*) FROM audit.entries" + where).params(params).query(Long.class).single();
		params.put("limit", query.size());
		params.put("offset", (long) query.page() * query.size());
		List<AuditEntry> entries = jdbc.sql("""
				SELECT id, occurred_at, actor, actor_kind, customer_id, action, target_type, target_id, origin, details
				FROM audit.entries""" + where + " ORDER BY occurred_at DESC, id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(this::entry)
			.list();
		return new AuditPage(entries, query.page(), query.size(), total);
	}

	/** Re-computes every chain visible to the caller and names the first broken link of each. */
	@Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
	public ChainVerification verify() {
		// A chain cut by retention starts after its newest checkpoint (AuditCheckpoints).
		ChainLinks links = new ChainLinks(heads(), checkpoints.starts());
		jdbc.sql("""
				SELECT chain, seq, prev_hash, hash,
					audit.link_hash(prev_hash, chain, seq, occurred_at, actor, actor_kind, customer_id, action,
						target_type, target_id, origin, details) AS recomputed
				FROM audit.entries ORDER BY chain, seq""")
			.query(rs -> {
				links.check(rs.getString("chain"), rs.getLong("seq"), rs.getBytes("prev_hash"), rs.getBytes("hash"),
						rs.getBytes("recomputed"));
			});
		return links.result();
	}

	private Map<String, ChainLinks.Head> heads() {
		Map<String, ChainLinks.Head> heads = new java.util.HashMap<>();
		jdbc.sql("SELECT chain, seq, hash FROM audit.chain_heads").query(rs -> {
			heads.put(rs.getString("chain"), new ChainLinks.Head(rs.getLong("seq"), rs.getBytes("hash")));
		});
		if (!tenancy.scope().seesEveryCustomer()) {
			// Heads are not tenant rows; a scoped verifier only judges the chains it can read.
			heads.keySet().retainAll(visibleChains());
		}
		return heads;
	}

	private List<String> visibleChains() {
		return new ArrayList<>(jdbc.sql("SELECT DISTINCT chain FROM audit.entries").query(String.class).list());
	}

	AuditEntry entry(ResultSet rs, int row) throws SQLException {
		Instant at = rs.getTimestamp("occurred_at").toInstant();
		return new AuditEntry(rs.getLong("id"), at, rs.getString("actor"), rs.getString("actor_kind"),
				rs.getObject("customer_id", UUID.class), rs.getString("action"), rs.getString("target_type"),
				rs.getString("target_id"), rs.getString("origin"), json.readValue(rs.getString("details"), DETAILS));
	}

	private static boolean hasText(String value) {
		return value != null && !value.isBlank();
	}
}
