package portal.customers.inventory;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.platform.Tenancy;

/**
 * Registers Portal Customers and finds them within the reader's scope: a customer's users
 * find only their own customer, an affiliate's staff only customers with a contract with it.
 */
@Service
@Transactional(readOnly = true)
public class CustomerRegistry {

	private final PortalCustomers customers;

	private final ApplicationEventPublisher events;

	private final Tenancy tenancy;

	private final Clock clock;

	CustomerRegistry(PortalCustomers customers, ApplicationEventPublisher events, Tenancy tenancy, Clock clock) {
		this.customers = customers;
		this.events = events;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** Registers an active customer under the next free code (C-0001, C-0002, …). */
	@Transactional
	public CustomerRow register(String legalName, String country, String registeredAddress) {
		PortalCustomer customer = PortalCustomer.register(UUID.randomUUID(), customers::nextCode, legalName, country,
				registeredAddress);
		customers.insert(customer, clock.instant());
		customer.takeEvents().forEach(events::publishEvent);
		return customer.row();
	}

	public Optional<CustomerRow> byCode(String code) {
		return customers.byCode(code, tenancy.scope());
	}

	public Optional<CustomerRow> byId(UUID id) {
		return customers.byId(id, tenancy.scope());
	}

	public InventoryPage<CustomerRow> search(String text, Paging paging) {
		if (text != null && text.length() > 100) {
			throw InventoryRefusal.invalid("q", "Search for at most 100 characters.");
		}
		return customers.search(text, paging, tenancy.scope());
	}
}
