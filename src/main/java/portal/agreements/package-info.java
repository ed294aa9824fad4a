/**
 * Portal Agreements: applications decided in the order received, acceptance, the
 * agreement's lifecycle (suspension of all or part, termination, withdrawal of parts) and
 * the one check every request and sign-in consults while a part is unavailable (R-4.3,
 *
 */
@org.springframework.modulith.ApplicationModule(displayName = "Agreements",
		allowedDependencies = { "platform", "platform :: *", "audit", "customers", "customers :: events", "identity", "notices",
				"notices :: events", "terms", "retention" })
package portal.agreements;
