package portal.orders.ordering;

/** The answer to a submission: the order, and whether this request created it or found it by its idempotency key. */
public record Submitted(ServiceOrder order, boolean created) {
}
