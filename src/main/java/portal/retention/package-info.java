/**
 * Retention periods per data class and the daily purge that applies them across modules
 * modules contribute a {@link portal.retention.Purge} per class they own; for the
 * terminated customers' class, the module keeping agreements implements
 * {@link portal.retention.TerminatedCustomers} and every module keeping a customer's rows a
 * {@link portal.retention.CustomerErasure}. Modules depend on this one, never the reverse.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention", allowedDependencies = { "platform", "audit" })
package portal.retention;
