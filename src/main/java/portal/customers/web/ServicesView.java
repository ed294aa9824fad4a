package portal.customers.web;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.customers.inventory.ContractRow;
import portal.customers.inventory.InstanceRow;
import portal.customers.inventory.Inventory;
import portal.customers.inventory.InventoryPage;
import portal.customers.inventory.Paging;

/**
 * What the services page shows, read in one read-only transaction (one connection): the
 * contracts held with their instance counts, one page of instance lines without their
 * attributes, and the companies' names.
 */
@Service
@Transactional(readOnly = true)
class ServicesView {

	record Holdings(InventoryPage<ContractRow> held, InventoryPage<InstanceRow> instances,
			Map<String, String> companyNames) {
	}

	private final Inventory inventory;

	private final CatalogNames names;

	ServicesView(Inventory inventory, CatalogNames names) {
		this.inventory = inventory;
		this.names = names;
	}

	Holdings holdings(UUID customer, ServiceFilterForm filter, int pageSize) {
		return new Holdings(inventory.contracts(customer, "", "", new Paging(0, Paging.MAX_SIZE)),
				inventory.instanceLines(customer, filter.instances(), new Paging(filter.page(), pageSize)),
				names.companies());
	}
}
