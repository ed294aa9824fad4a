/**
 * The platform every module stands on: the database (embedded or external), the tenant
 * context and its row-level-security wall, the clock, error handling and the web shell.
 * It holds no business rules and depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package portal.platform;
