/**
 * Lost or stolen login information: reports that lock the account at once, and the desk's recovery.
 */
package portal.identity.lostcredentials;
