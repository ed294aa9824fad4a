package portal.customers.web;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import portal.catalog.Catalog;
import portal.catalog.ContractingCompany;
import portal.catalog.ServiceKindDescriptor;
import portal.catalog.ServiceKindDescriptors;

/**
 * The names pages show for catalog codes: relevant services by descriptor key, contracting
 * companies by code. A code the catalog does not name shows as itself.
 */
@Component
class CatalogNames {

	/** A relevant service as a filter offers it. */
	record Option(String key, String name) {
	}

	private final Map<String, String> services;

	private final Catalog catalog;

	CatalogNames(ServiceKindDescriptors descriptors, Catalog catalog) {
		this.services = descriptors.all().stream()
			.collect(Collectors.toUnmodifiableMap(ServiceKindDescriptor::key, ServiceKindDescriptor::name));
		this.catalog = catalog;
	}

	Map<String, String> services() {
		return services;
	}

	String service(String key) {
		return services.getOrDefault(key, key);
	}

	/** Read on each call: staff may rename companies in the catalog at any time. */
	Map<String, String> companies() {
		return catalog.companies().stream()
			.collect(Collectors.toUnmodifiableMap(ContractingCompany::code, ContractingCompany::name));
	}

	List<Option> options(List<String> keys) {
		return keys.stream().distinct().map(key -> new Option(key, service(key)))
			.sorted(Comparator.comparing(Option::name, String.CASE_INSENSITIVE_ORDER))
			.toList();
	}
}
