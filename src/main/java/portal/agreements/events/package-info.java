/** What the agreements module tells other modules: decisions on applications and changes to agreements. */
@org.springframework.modulith.NamedInterface("events")
package portal.agreements.events;
