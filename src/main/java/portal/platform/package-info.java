/**
 * The platform every module stands on: the database (embedded or external), the tenant
 * context and its row-level-security wall, the clock, error handling and the web shell.
 * It holds no business rules and depends on no other module. Its API is this package and
 * the named interfaces {@code web}, {@code security}, {@code problems}, {@code demo} and
 * {@code database}; a module that uses them declares {@code "platform", "platform :: *"}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package portal.platform;
