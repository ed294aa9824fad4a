package portal.customers.inventory;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import portal.customers.events.CustomerRegistered;

/**
 * A Portal Customer: the tenant whose users see its contracts and service instances. It
 * starts active; suspension and termination follow its Portal Agreement.
 */
class PortalCustomer {

	static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

	private final UUID id;
	private final String code;
	private final String legalName;
	private final String country;
	private final String registeredAddress;
	private final String state;
	private final List<Object> events = new ArrayList<>();

	private PortalCustomer(UUID id, String code, String legalName, String country, String registeredAddress,
			String state) {
		this.id = id;
		this.code = code;
		this.legalName = legalName;
		this.country = country;
		this.registeredAddress = registeredAddress;
		this.state = state;
	}

	/** Takes the next customer code only once the input is valid, so refusals leave no gaps. */
	static PortalCustomer register(UUID id, Supplier<String> nextCode, String legalName, String country,
			String registeredAddress) {
		if (legalName == null || legalName.isBlank() || legalName.strip().length() > 200) {
			throw InventoryRefusal.invalid("legalName", "Use 1 to 200 characters.");
		}
		if (country == null || !COUNTRY.matcher(country).matches()) {
			throw InventoryRefusal.invalid("country", "Use the ISO 3166-1 alpha-2 code, such as JP.");
		}
		if (registeredAddress == null || registeredAddress.isBlank() || registeredAddress.strip().length() > 500) {
			throw InventoryRefusal.invalid("registeredAddress", "Use 1 to 500 characters.");
		}
		String code = nextCode.get();
		PortalCustomer customer = new PortalCustomer(id, code, legalName.strip(), country, registeredAddress.strip(),
				"active");
		customer.events.add(new CustomerRegistered(id, code, country));
		return customer;
	}

	List<Object> takeEvents() {
		List<Object> taken = List.copyOf(events);
		events.clear();
		return taken;
	}

	CustomerRow row() {
		return new CustomerRow(id, code, legalName, country, registeredAddress, state);
	}
}
