/**
 * What proves a person: Argon2id password hashes and the password policy, one-time codes (TOTP), recovery codes and random secrets.
 */
package portal.identity.credentials;
