/**
 * The identity module's pages: activation, lost login information, the profile, customer
 * administrators' user management, and the console's accounts and desk queue.
 * Controllers only translate between forms and the identity services.
 */
package portal.identity.web;
