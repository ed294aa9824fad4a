/**
 * The append-only, tamper-evident trail of every change (R-AUD, R-6.3, R-7.4), written in
 * the transaction of the change it records. Depends only on the platform.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "platform", "platform :: *" })
package portal.audit;
