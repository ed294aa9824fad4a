/**
 * Personal API tokens: created from a signed-in session, shown once, stored as digests, revocable.
 */
package portal.identity.tokens;
