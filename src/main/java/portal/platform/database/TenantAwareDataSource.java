package portal.platform.database;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Hands out connections that carry the current tenant scope in session settings, which
 * the row-level-security policies read. Every connection handed out has exactly the
 * current scope (an empty one when there is none): the settings a physical connection
 * carries are remembered, and a checkout changes them, in one round trip, only when they
 * differ from what the work needs. A connection back in the pool may still carry the
 * scope of its last work, but nothing reaches it except through this data source, which
 * sets the scope again before handing it out. Settings are made outside any transaction,
 * so a rollback cannot undo them behind the remembered state. The acting login ID is part of
 * the settings only under scopes limited to some customers, where the policies read it.
 */
class TenantAwareDataSource extends DelegatingDataSource {

	private static final String APPLY = "SELECT set_config('portal.scope', ?, false), "
			+ "set_config('portal.customer_id', ?, false), set_config('portal.company', ?, false), "
			+ "set_config('portal.actor', ?, false)";

	private static final Settings NONE = new Settings("none", "", "", "");

	private final Tenancy tenancy;

	/** The settings each physical connection carries, by identity; a new connection carries none. */
	private final Map<Object, Settings> carried = Collections.synchronizedMap(new WeakHashMap<>());

	TenantAwareDataSource(DataSource target, Tenancy tenancy) {
		super(target);
		this.tenancy = tenancy;
	}

	@Override
	public Connection getConnection() throws SQLException {
		return scoped(super.getConnection());
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		return scoped(super.getConnection(username, password));
	}

	private Connection scoped(Connection connection) throws SQLException {
		TenantScope scope = tenancy.scope();
		Settings wanted = scope.kind() == TenantScope.Kind.NONE ? NONE
				: new Settings(scope.kind().setting(), scope.customerId().map(Object::toString).orElse(""),
						scope.companyCode().orElse(""), actorSetting(scope));
		try {
			Object physical = physical(connection);
			Settings current = carried.getOrDefault(physical, NONE);
			if (!current.equals(wanted) || !connection.getAutoCommit()) {
				carried.remove(physical);
				try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
					statement.setString(1, wanted.scope());
					statement.setString(2, wanted.customerId());
					statement.setString(3, wanted.company());
					statement.setString(4, wanted.actor());
					statement.execute();
				}
				if (!connection.getAutoCommit()) {
					connection.commit();
				}
				carried.put(physical, wanted);
			}
			return connection;
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
	}

	// The acting login ID matters only where a policy may let someone see their own row beyond
	// the scope's customers. A scope that sees every customer's rows needs no such exception:
	// without the actor there, consecutive work by different actors (a sign-in's lookup, then
	// its success recorded as the user) shares one connection's settings instead of a round
	// trip to change them.
	private String actorSetting(TenantScope scope) {
		return scope.kind() == TenantScope.Kind.SYSTEM || scope.kind() == TenantScope.Kind.ALL ? ""
				: tenancy.actor().id();
	}

	private static Object physical(Connection connection) throws SQLException {
		// The pool wraps each checkout in a new proxy: the settings belong to the connection behind it.
		return connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : connection;
	}

	private record Settings(String scope, String customerId, String company, String actor) {
	}
}
