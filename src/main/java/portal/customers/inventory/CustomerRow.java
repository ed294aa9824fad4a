package portal.customers.inventory;

import java.util.UUID;

/** A Portal Customer as lists and pages show it. */
public record CustomerRow(UUID id, String code, String legalName, String country, String registeredAddress,
		String state) {
}
