package portal.customers;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import portal.platform.ServiceLimit;
import portal.platform.SqlArrays;
import portal.platform.Tenancy;

/**
 * Service instances linked to a Portal Customer, for modules that keep data per instance
 * (usage). Reads stay within the caller's tenant scope and, for a customer's user, within the
 * services and instances the user is limited to, as the services pages apply it.
 */
@Service
public class HeldInstances {

	/**
	 * Published (with the instance id or contract number) when an instance or its contract was
	 * recorded or changed: who holds which instances, under which label and state, may differ.
	 */
	public static final String CHANGED_TOPIC = "customers.instances";

	private static final String SELECT = """
			SELECT i.id, i.customer_id, i.relevant_service, i.kind, i.label, i.state, c.contracting_company
			FROM customers.service_instances i JOIN customers.contracts c ON c.contract_no = i.contract_no
			""";

	private final JdbcClient jdbc;

	private final Tenancy tenancy;

	HeldInstances(JdbcClient jdbc, Tenancy tenancy) {
		this.jdbc = jdbc;
		this.tenancy = tenancy;
	}

	/**
	 * Those of the instances that are linked to a customer and under a contract of the contracting
	 * company, by id, in one statement; the others are absent, saying nothing of whose they are.
	 */
	public Map<String, HeldInstance> ofCompany(String contractingCompany, Collection<String> instanceIds) {
		Map<String, HeldInstance> found = new HashMap<>();
		if (!instanceIds.isEmpty()) {
			jdbc.sql(SELECT + " WHERE i.id = ANY (CAST(? AS text[])) AND c.contracting_company = ? AND i.customer_id IS NOT NULL")
				.params(SqlArrays.text(instanceIds), contractingCompany)
				.query(HeldInstances::row)
				.list()
				.forEach(instance -> found.put(instance.id(), instance));
		}
		return found;
	}

	/** One of the customer's instances, if the current user may see it. */
	public Optional<HeldInstance> of(UUID customer, String instanceId) {
		ServiceLimit limit = tenancy.limit();
		return jdbc.sql(SELECT + " WHERE i.customer_id = ? AND i.id = ?")
			.params(customer, instanceId)
			.query(HeldInstances::row)
			.optional()
			.filter(i -> limit.admits(i.relevantService(), i.id()));
	}

	/** The customer's instances the current user may see, by service and label (service_instances_customer_service_label). */
	public List<HeldInstance> of(UUID customer) {
		ServiceLimit limit = tenancy.limit();
		return jdbc.sql(SELECT + """
				 WHERE i.customer_id = :customer
				 AND (CAST(:services AS text[]) = '{}' OR i.relevant_service = ANY (CAST(:services AS text[])))
				 AND (CAST(:instances AS text[]) = '{}' OR i.id = ANY (CAST(:instances AS text[])))
				 AND NOT i.relevant_service = ANY (CAST(:withheld AS text[]))
				 ORDER BY i.relevant_service, i.label, i.id""")
			.param("customer", customer)
			.param("services", SqlArrays.text(limit.services()))
			.param("instances", SqlArrays.text(limit.instances()))
			.param("withheld", SqlArrays.text(limit.withheld()))
			.query(HeldInstances::row)
			.list();
	}

	/** Every instance linked to a customer, whichever; for the portal's own jobs (demo data). */
	public List<HeldInstance> linked() {
		return jdbc.sql(SELECT + " WHERE i.customer_id IS NOT NULL ORDER BY i.customer_id, i.id")
			.query(HeldInstances::row)
			.list();
	}

	private static HeldInstance row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new HeldInstance(rs.getString("id"), rs.getObject("customer_id", UUID.class),
				rs.getString("relevant_service"), rs.getString("kind"), rs.getString("label"), rs.getString("state"),
				rs.getString("contracting_company"));
	}
}
