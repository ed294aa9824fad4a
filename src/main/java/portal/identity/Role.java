package portal.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a person may do. Customer roles delegate authority inside one customer;
 * staff roles divide the Company's console work. The authority name is what Spring
 * Security checks, e.g. {@code ROLE_CUSTOMER_ADMINISTRATOR}.
 */
public enum Role {

	CUSTOMER_ADMINISTRATOR(true), CUSTOMER_ORDERER(true), CUSTOMER_VIEWER(true),
	STAFF_DESK(false), STAFF_SERVICE_MANAGER(false), STAFF_PUBLISHER(false), STAFF_MAINTENANCE_PLANNER(false),
	STAFF_AUDITOR(false), STAFF_ADMIN(false);

	private final boolean customer;

	Role(boolean customer) {
		this.customer = customer;
	}

	public boolean forCustomers() {
		return customer;
	}

	public String authority() {
		return "ROLE_" + name();
	}

	/** The short name used in the API and forms: {@code administrator}, {@code desk}, … */
	public String key() {
		return name().substring(name().indexOf('_') + 1).toLowerCase().replace('_', '-');
	}

	public static Optional<Role> customerRole(String key) {
		return Arrays.stream(values()).filter(role -> role.customer && role.key().equals(key)).findFirst();
	}

	public static Optional<Role> staffRole(String key) {
		return Arrays.stream(values()).filter(role -> !role.customer && role.key().equals(key)).findFirst();
	}
}
