package portal.customers;

import java.util.UUID;

/** A service instance held by a Portal Customer, as other modules need it: whose, of which service and kind. */
public record HeldInstance(String id, UUID customerId, String relevantService, String kind, String label,
		String state, String contractingCompany) {
}
