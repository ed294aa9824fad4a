/**
 * The catalog of reference data: the Relevant Services and Affiliates the portal serves
 * and the service kind descriptor of each relevant service, kept as data
 * so that adding a service means adding a descriptor file, not code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Catalog", allowedDependencies = { "platform", "platform :: *", "audit" })
package portal.catalog;
