/** Events of the orders module that other modules may consume. */
@org.springframework.modulith.NamedInterface("events")
package portal.orders.events;
