package portal.identity.profile;

import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.catalog.Catalog;
import portal.identity.PortalUser;

/**
 * The group companies that may use a user's personal information jointly (R-PI.2): the
 * Company, and each contracting company that holds a contract of the user's customer.
 */
@Service
public class JointUses {

	private final Catalog catalog;

	private final JdbcClient jdbc;

	JointUses(Catalog catalog, JdbcClient jdbc) {
		this.catalog = catalog;
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	public List<JointUse> of(PortalUser user) {
		List<String> codes = new ArrayList<>(List.of("COMPANY"));
		if (user.customerId() != null) {
			jdbc.sql("SELECT company_code FROM platform.customer_companies WHERE customer_id = ? ORDER BY company_code")
				.param(user.customerId())
				.query(String.class)
				.list()
				.stream()
				.filter(code -> !codes.contains(code))
				.forEach(codes::add);
		}
		return codes.stream()
			.flatMap(code -> catalog.company(code).stream())
			.map(company -> new JointUse(company.code(), company.name(), company.country()))
			.toList();
	}
}
