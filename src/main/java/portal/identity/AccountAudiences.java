package portal.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import portal.customers.ContractSummary;
import portal.customers.Customers;
import portal.notices.NoticeAudiences;
import portal.notices.NoticeReader;
import portal.notices.NoticeRecipient;
import portal.notices.events.NoticeRequested.Audience;

/**
 * The accounts a notice's audience stands for: active accounts only, so that nobody
 * withdrawn or locked out is written to. A user limited to some relevant services hears of
 * a service notice only when the service is among them.
 */
@Component
class AccountAudiences implements NoticeAudiences {

	private static final String SELECT = """
			SELECT id, login_id, customer_id, email, language, kind, time_zone FROM identity.accounts WHERE state = 'ACTIVE' AND\s""";

	private final JdbcClient jdbc;

	private final Customers customers;

	AccountAudiences(JdbcClient jdbc, Customers customers) {
		this.jdbc = jdbc;
		this.customers = customers;
	}

	@Override
	public List<NoticeRecipient> recipients(Audience audience) {
		return switch (audience.scope()) {
			case EVERYONE -> jdbc.sql(SELECT + "true ORDER BY login_id").query(AccountAudiences::recipient).list();
			case ALL_CUSTOMERS -> jdbc.sql(SELECT + "kind = 'USER' ORDER BY login_id")
				.query(AccountAudiences::recipient).list();
			case CUSTOMER -> jdbc.sql(SELECT + "kind = 'USER' AND customer_id = ? ORDER BY login_id")
				.param(audience.customerId()).query(AccountAudiences::recipient).list();
			case CUSTOMER_ROLE -> jdbc.sql(SELECT + "kind = 'USER' AND customer_id = ? AND ? = ANY (roles) ORDER BY login_id")
				.params(audience.customerId(), roleName(audience.role()))
				.query(AccountAudiences::recipient).list();
			case RELEVANT_SERVICE -> serviceUsers(audience.relevantService());
			case ACCOUNTS -> jdbc.sql(SELECT + "id = ANY (?::uuid[]) ORDER BY login_id")
				.param(audience.accountIds().stream().map(UUID::toString)
					.collect(java.util.stream.Collectors.joining(",", "{", "}")))
				.query(AccountAudiences::recipient).list();
		};
	}

	@Override
	public Optional<NoticeReader> reader(String loginId) {
		return jdbc.sql("SELECT id, login_id, customer_id, kind, roles, service_scope FROM identity.accounts "
				+ "WHERE login_id = ? AND state = 'ACTIVE'")
			.param(loginId)
			.query((rs, n) -> {
				UUID customerId = rs.getObject("customer_id", UUID.class);
				Set<String> roles = new HashSet<>();
				for (String name : (String[]) rs.getArray("roles").getArray()) {
					roles.add(name.toLowerCase(Locale.ROOT));
					Arrays.stream(Role.values()).filter(role -> role.name().equals(name))
						.forEach(role -> roles.add(role.key().toLowerCase(Locale.ROOT)));
				}
				List<String> scope = Arrays.asList((String[]) rs.getArray("service_scope").getArray());
				return new NoticeReader(rs.getObject("id", UUID.class), rs.getString("login_id"), customerId,
						"STAFF".equals(rs.getString("kind")), roles, services(customerId, scope));
			})
			.optional();
	}

	private Set<String> services(UUID customerId, List<String> scope) {
		if (customerId == null) {
			return Set.of();
		}
		return customers.contractsOf(customerId).stream()
			.filter(ContractSummary::active)
			.map(ContractSummary::relevantService)
			.filter(service -> scope.isEmpty() || scope.contains(service))
			.collect(Collectors.toSet());
	}

	private List<NoticeRecipient> serviceUsers(String relevantService) {
		List<UUID> holders = customers.holding(relevantService);
		if (holders.isEmpty()) {
			return List.of();
		}
		return jdbc.sql(SELECT + """
				kind = 'USER' AND customer_id = ANY (?::uuid[])
				AND (cardinality(service_scope) = 0 OR ? = ANY (service_scope)) ORDER BY login_id""")
			.params(holders.stream().map(UUID::toString).collect(java.util.stream.Collectors.joining(",", "{", "}")),
					relevantService)
			.query(AccountAudiences::recipient).list();
	}

	private static String roleName(String role) {
		return Role.customerRole(role == null ? "" : role.strip().toLowerCase(Locale.ROOT))
			.map(Role::name)
			.orElse("CUSTOMER_" + String.valueOf(role).toUpperCase(Locale.ROOT));
	}

	private static NoticeRecipient recipient(ResultSet rs, int row) throws SQLException {
		return new NoticeRecipient(rs.getObject("id", UUID.class), rs.getString("login_id"),
				rs.getObject("customer_id", UUID.class), rs.getString("email"),
				Locale.forLanguageTag(rs.getString("language")), "STAFF".equals(rs.getString("kind")),
				portal.platform.web.TimeZones.parse(rs.getString("time_zone")).orElse(null));
	}
}
