package portal.orders.ordering;

import java.util.Set;

/**
 * Which of a customer's orders wait for the approval of one of its administrators before
 * they reach the contracting company: all of them, or those of some order types
 * ({@code <relevant service>:<order type>}) or some relevant services.
 */
public record ApprovalPolicy(boolean allOrders, Set<String> orderTypes, Set<String> relevantServices) {

	public static final ApprovalPolicy NONE = new ApprovalPolicy(false, Set.of(), Set.of());

	public ApprovalPolicy {
		orderTypes = orderTypes == null ? Set.of() : Set.copyOf(orderTypes);
		relevantServices = relevantServices == null ? Set.of() : Set.copyOf(relevantServices);
	}

	public boolean requires(String relevantService, String orderType) {
		return allOrders || relevantServices.contains(relevantService)
				|| orderTypes.contains(relevantService + ":" + orderType);
	}
}
