package portal.customers.api;

import portal.customers.inventory.CustomerRow;

/** A Portal Customer over JSON, for staff. */
record CustomerResource(String code, String legalName, String country, String registeredAddress, String state) {

	static CustomerResource of(CustomerRow row) {
		return new CustomerResource(row.code(), row.legalName(), row.country(), row.registeredAddress(), row.state());
	}
}
