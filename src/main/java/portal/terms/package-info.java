/**
 * Versioned documents (the portal terms, the Terms of Personal Information Protection,
 * service conditions), the version in force, and who accepted which version when.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terms", allowedDependencies = { "platform", "platform :: *", "audit" })
package portal.terms;
