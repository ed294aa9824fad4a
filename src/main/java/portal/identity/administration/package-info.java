/**
 * The Company's side of accounts: the staff directory and registering staff.
 */
package portal.identity.administration;
