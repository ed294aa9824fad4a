package portal.catalog;

import java.util.Objects;

/**
 * A company a customer contracts with: the Company itself or one of its Affiliates.
 * The country is an ISO 3166-1 alpha-2 code.
 */
public record ContractingCompany(String code, String name, String country, boolean affiliate, boolean active) {

	public ContractingCompany {
		Objects.requireNonNull(code, "code");
		Objects.requireNonNull(name, "name");
		Objects.requireNonNull(country, "country");
	}
}
