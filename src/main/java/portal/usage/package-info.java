/**
 * Usage series of service instances: bulk ingestion from relevant-service systems, hourly and
 * daily rollups, queries, exports, availability and the usage pages.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Usage",
		allowedDependencies = { "platform", "platform :: *", "catalog", "customers", "audit", "retention" })
package portal.usage;
