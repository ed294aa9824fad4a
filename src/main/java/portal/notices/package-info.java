/**
 * Notices to people: the email outbox and its delivery job over SMTP, with retries and
 * visible failures. The in-portal inbox builds on it.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notices", allowedDependencies = { "platform", "platform :: *", "audit" })
package portal.notices;
