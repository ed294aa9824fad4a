/**
 * Errors as RFC 9457 problem details for the API and as error pages for people, and the
 * request body limit.
 */
@org.springframework.modulith.NamedInterface("problems")
package portal.platform.problems;
