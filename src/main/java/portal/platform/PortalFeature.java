package portal.platform;

/**
 * The parts of the Portal Service that can be suspended or withdrawn on their own
 * . Every page and API route belongs to one, declared with
 * {@link Feature}; the suspension check consults it on every request.
 */
public enum PortalFeature {

	/** Always available: sign-in, the public Portal Page, one's own account and the agreement itself. */
	ESSENTIAL,
	/** The contents of relevant services: contracts, service instances and the orders placed on them so far. */
	SERVICES,
	/** Usage data, dashboards and exports. */
	USAGE,
	/** Placing, changing, cancelling and approving orders and other transactions on relevant services. */
	ORDERING,
	/** Customer administrators managing their users. */
	USER_ADMINISTRATION,
	/** Documents (terms, specifications) and notices. */
	DOCUMENTS,
	/** The operator console and the system API: never suspended for a customer. */
	OPERATIONS
}
