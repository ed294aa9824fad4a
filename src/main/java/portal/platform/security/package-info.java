/**
 * The security filter chains, to which each module contributes its part, the tenant filter
 * and the CSRF tokens.
 */
@org.springframework.modulith.NamedInterface("security")
package portal.platform.security;
