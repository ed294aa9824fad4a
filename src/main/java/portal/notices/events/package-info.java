/** Events other modules publish to have people notified; the notices module consumes them. */
@org.springframework.modulith.NamedInterface("events")
package portal.notices.events;
