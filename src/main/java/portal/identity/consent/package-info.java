/**
 * Administrators' confirmations of a person's consent to the personal information terms
 * read through a small API so that they can move to the terms module.
 */
package portal.identity.consent;
