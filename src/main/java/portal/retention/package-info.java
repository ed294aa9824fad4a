/**
 * Retention periods per data class and the daily purge that applies them across modules
 * modules contribute a {@link portal.retention.Purge} per class they own.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Retention", allowedDependencies = { "platform", "audit" })
package portal.retention;
