/**
 * Accounts of staff and portal users: the aggregate that guards their state, the collection that stores them, issued login IDs and the mails about them.
 */
package portal.identity.accounts;
