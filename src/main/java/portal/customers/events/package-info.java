/** Events of the customers module that other modules may consume. */
@org.springframework.modulith.NamedInterface("events")
package portal.customers.events;
