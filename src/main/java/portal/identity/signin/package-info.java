/**
 * Signing in with password and one-time code, the throttle and lock against guessing, sessions and their lifetime, and identity's part of the security chains.
 */
package portal.identity.signin;
