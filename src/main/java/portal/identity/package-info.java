/**
 * Staff and portal users: issued login IDs, activation, passwords and second factors,
 * sign-in and sessions, delegated user administration, API tokens, lost or stolen login
 * information, and the personal information kept about each user (R-6, R-7, R-PI).
 * Other modules use this package only: {@link portal.identity.PortalUser} (the signed-in
 * person), {@link portal.identity.Role}, and {@link portal.identity.UserAdministration}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity",
		allowedDependencies = { "platform", "platform :: *", "audit", "terms", "notices", "notices :: events", "catalog",
				"customers", "retention" })
package portal.identity;
