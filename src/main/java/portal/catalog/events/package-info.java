/**
 * Events the catalog publishes when staff amend it, for other modules to react to.
 */
@org.springframework.modulith.NamedInterface("events")
package portal.catalog.events;
