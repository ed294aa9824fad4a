/**
 * The database: the embedded PostgreSQL or an external one, and the data sources that carry
 * the tenant context into every connection, below every query.
 */
@org.springframework.modulith.NamedInterface("database")
package portal.platform.database;
