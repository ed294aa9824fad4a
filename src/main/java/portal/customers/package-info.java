/**
 * Portal Customers (the tenants), their relevant-service contracts and service instances as
 * relevant-service systems report them, and the checks other modules ask of them
 * (R-5.2 customer of record, R-9.3 all contracts ended).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Customers",
		allowedDependencies = { "platform", "platform :: *", "audit", "catalog" })
package portal.customers;
