package portal.retention;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;

/**
 * Erases the data of customers whose termination took effect longer ago than the period of
 * the terminated customers' class: for each customer, in one transaction, every
 * module's {@link CustomerErasure} runs, the customer is recorded as erased, and the audit
 * trail records what each part deleted. A failure rolls back that customer only.
 */
@Component
class CustomerErasures {

	private final Optional<TerminatedCustomers> terminated;

	private final List<CustomerErasure> erasures;

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final TransactionTemplate transactions;

	private final Clock clock;

	CustomerErasures(ObjectProvider<TerminatedCustomers> terminated, List<CustomerErasure> erasures, JdbcClient jdbc,
			AuditTrail audit, TransactionTemplate transactions, Clock clock) {
		this.terminated = Optional.ofNullable(terminated.getIfUnique());
		this.erasures = List.copyOf(erasures);
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = transactions;
		this.clock = clock;
	}

	boolean applies() {
		return terminated.isPresent();
	}

	Purge.Purged eraseBefore(Instant cutoff) {
		if (terminated.isEmpty()) {
			return Purge.Purged.NOTHING;
		}
		Set<UUID> erased = new HashSet<>(
				jdbc.sql("SELECT customer_id FROM retention.erased_customers").query(UUID.class).list());
		long customers = 0;
		Instant first = null;
		Instant last = null;
		for (TerminatedCustomers.Terminated customer : terminated.get().terminatedBefore(cutoff)) {
			if (!customer.effectiveAt().isBefore(cutoff) || erased.contains(customer.customerId())) {
				continue;
			}
			transactions.executeWithoutResult(status -> erase(customer, cutoff));
			customers++;
			first = first == null || customer.effectiveAt().isBefore(first) ? customer.effectiveAt() : first;
			last = last == null || customer.effectiveAt().isAfter(last) ? customer.effectiveAt() : last;
		}
		return customers == 0 ? Purge.Purged.NOTHING
				: new Purge.Purged(customers, "customers terminated from " + first + " to " + last);
	}

	private void erase(TerminatedCustomers.Terminated customer, Instant cutoff) {
		Map<String, Long> rows = new TreeMap<>();
		for (CustomerErasure erasure : erasures) {
			rows.merge(erasure.part(), erasure.erase(customer.customerId()), Long::sum);
		}
		long total = rows.values().stream().mapToLong(Long::longValue).sum();
		jdbc.sql("""
				INSERT INTO retention.erased_customers (customer_id, effective_at, erased_at, row_count)
				VALUES (?, ?, ?, ?)""")
			.params(customer.customerId(), Timestamp.from(customer.effectiveAt()), Timestamp.from(clock.instant()),
					total)
			.update();
		audit.record(AuditRecord.of("retention.customer-erased", "customer", customer.customerId())
			.forCustomer(customer.customerId())
			.with("terminationEffectiveAt", customer.effectiveAt().toString())
			.with("cutoff", cutoff.toString())
			.with("rows", rows)
			.with("count", total));
	}
}
