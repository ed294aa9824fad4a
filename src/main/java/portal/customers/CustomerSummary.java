package portal.customers;

import java.util.UUID;

/**
 * A Portal Customer as other modules see it.
 *
 * @param code the customer code people use, such as {@code C-0001}
 * @param country ISO 3166-1 alpha-2
 * @param state active, suspended or terminated
 */
public record CustomerSummary(UUID id, String code, String legalName, String country, String registeredAddress,
		String state) {
}
