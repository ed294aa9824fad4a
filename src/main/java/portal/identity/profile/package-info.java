/**
 * What people do with their own account: see it, change the password, manage sessions and tokens, withdraw.
 */
package portal.identity.profile;
