package portal.orders.ordering;

import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import portal.platform.ServiceLimit;

/**
 * Which orders to list; blank or null fields do not narrow. The customer, company and
 * service limit are set by the services from the reader's scope, never from input.
 */
public record OrderFilter(UUID customerId, String companyCode, Set<OrderState> states, String relevantService,
		String instanceId, String submittedBy, Instant fromDate, Instant toDate, ServiceLimit limit) {

	public OrderFilter {
		states = states == null ? Set.of() : Set.copyOf(states);
		relevantService = relevantService == null ? "" : relevantService.strip();
		instanceId = instanceId == null ? "" : instanceId.strip();
		submittedBy = submittedBy == null ? "" : submittedBy.strip();
		limit = limit == null ? ServiceLimit.NONE : limit;
		if (fromDate != null && toDate != null && fromDate.isAfter(toDate)) {
			throw OrderRefusal.invalid("from", "The start of the period is after its end.")
				.explained("period-reversed");
		}
	}

	/** What a person asks for; scope fields are filled in by the services. */
	public static OrderFilter of(Set<OrderState> states, String relevantService, String instanceId, String submittedBy,
			Instant from, Instant to) {
		return new OrderFilter(null, null, states, relevantService, instanceId, submittedBy, from, to, null);
	}

	OrderFilter forCustomer(UUID customer, ServiceLimit limit) {
		return new OrderFilter(customer, null, states, relevantService, instanceId, submittedBy, fromDate, toDate, limit);
	}

	OrderFilter forCompany(String company) {
		return new OrderFilter(customerId, company, states, relevantService, instanceId, submittedBy, fromDate, toDate,
				limit);
	}

	Optional<UUID> customer() {
		return Optional.ofNullable(customerId);
	}

	Optional<String> company() {
		return Optional.ofNullable(companyCode);
	}

	Optional<Instant> from() {
		return Optional.ofNullable(fromDate);
	}

	Optional<Instant> to() {
		return Optional.ofNullable(toDate);
	}
}
