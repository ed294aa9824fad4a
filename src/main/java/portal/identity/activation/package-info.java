/**
 * Activation and reset through a single-use mailed link: password, authenticator enrolment, acceptance of the personal information terms, recovery codes.
 */
package portal.identity.activation;
