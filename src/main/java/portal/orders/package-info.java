/**
 * Service orders and other transactions on relevant services: forms and checks
 * generated from the service-kind descriptors, the customer's own approval, fulfilment by
 * the contracting company, and a TMF641-shaped API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Orders",
		allowedDependencies = { "platform", "platform :: *", "audit", "catalog", "customers", "identity", "notices::events", "retention" })
package portal.orders;
