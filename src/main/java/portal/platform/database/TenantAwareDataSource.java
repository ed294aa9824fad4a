package portal.platform.database;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import org.springframework.jdbc.datasource.DelegatingDataSource;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Hands out connections that carry the current tenant scope in session settings, which
 * the row-level-security policies read, and clears them when the connection goes back to
 * the pool so that no scope outlives the work it was set for.
 */
class TenantAwareDataSource extends DelegatingDataSource {

	private static final String APPLY = "SELECT set_config('portal.scope', ?, false), "
			+ "set_config('portal.customer_id', ?, false), set_config('portal.company', ?, false), "
			+ "set_config('portal.actor', ?, false)";

	private static final String CLEAR = "SELECT set_config('portal.scope', 'none', false), "
			+ "set_config('portal.customer_id', '', false), set_config('portal.company', '', false), "
			+ "set_config('portal.actor', '', false)";

	private final Tenancy tenancy;

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
		if (scope.kind() == TenantScope.Kind.NONE) {
			// Every connection comes back to the pool cleared (or is new, with nothing set), so
			// work without a scope needs neither to set nor to clear anything.
			return connection;
		}
		try (PreparedStatement statement = connection.prepareStatement(APPLY)) {
			statement.setString(1, scope.kind().setting());
			statement.setString(2, scope.customerId().map(Object::toString).orElse(""));
			statement.setString(3, scope.companyCode().orElse(""));
			statement.setString(4, tenancy.actor().id());
			statement.execute();
		}
		catch (SQLException ex) {
			connection.close();
			throw ex;
		}
		return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
				new Class<?>[] { Connection.class }, new ClearingOnClose(connection));
	}

	private record ClearingOnClose(Connection target) implements InvocationHandler {

		@Override
		public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
			switch (method.getName()) {
				case "close" -> {
					clear();
					target.close();
					return null;
				}
				case "unwrap" -> {
					return ((Class<?>) args[0]).isInstance(proxy) ? proxy : target.unwrap((Class<?>) args[0]);
				}
				case "isWrapperFor" -> {
					return ((Class<?>) args[0]).isInstance(proxy) || target.isWrapperFor((Class<?>) args[0]);
				}
				case "equals" -> {
					return proxy == args[0];
				}
				case "hashCode" -> {
					return System.identityHashCode(proxy);
				}
				default -> {
					try {
						return method.invoke(target, args);
					}
					catch (InvocationTargetException ex) {
						throw ex.getTargetException();
					}
				}
			}
		}

		private void clear() {
			try {
				if (target.isClosed()) {
					return;
				}
				if (!target.getAutoCommit()) {
					// A transaction left open (after an error) must not keep the scope; roll it back first.
					target.rollback();
				}
				try (Statement statement = target.createStatement()) {
					statement.execute(CLEAR);
				}
			}
			catch (SQLException ex) {
				// A connection that cannot be cleared must not be handed out again with a scope.
				try {
					target.abort(Runnable::run);
				}
				catch (SQLException ignored) {
					// Already broken: the pool evicts it either way.
				}
			}
		}
	}
}
