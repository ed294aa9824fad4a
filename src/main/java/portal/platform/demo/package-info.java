/**
 * Demo mode: the condition that enables it, the seeders each module contributes, and the
 * demo accounts written to the data directory.
 */
@org.springframework.modulith.NamedInterface("demo")
package portal.platform.demo;
