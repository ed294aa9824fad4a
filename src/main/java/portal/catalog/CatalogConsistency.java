package portal.catalog;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Checks at startup that the catalog and the descriptor files agree: a listed
 * relevant service without a descriptor stops startup, because nothing could show or
 * order it. A descriptor the catalog does not list yet is only reported: that is how a
 * new service is prepared before staff add it.
 */
@Component
class CatalogConsistency implements SmartInitializingSingleton {

	private static final Logger log = LoggerFactory.getLogger(CatalogConsistency.class);

	private final ListedServices services;

	private final ServiceKindDescriptors descriptors;

	CatalogConsistency(ListedServices services, ServiceKindDescriptors descriptors) {
		this.services = services;
		this.descriptors = descriptors;
	}

	@Override
	public void afterSingletonsInstantiated() {
		check(services.findAllByOrderByPosition().stream().map(ListedService::key).toList(), descriptors);
	}

	static void check(List<String> listedKeys, ServiceKindDescriptors descriptors) {
		// Retired services keep their descriptor: their instances and usage remain to be read.
		List<String> undescribed = listedKeys.stream().filter(key -> descriptors.find(key).isEmpty()).toList();
		if (!undescribed.isEmpty()) {
			throw new IllegalStateException("The catalog lists relevant services without a service kind descriptor: "
					+ String.join(", ", undescribed) + ". Add catalog/services/<key>.yml for each; "
					+ "a listed service is never removed, only retired.");
		}
		Set<String> listed = Set.copyOf(listedKeys);
		String unlisted = descriptors.all().stream()
			.map(ServiceKindDescriptor::key)
			.filter(key -> !listed.contains(key))
			.collect(Collectors.joining(", "));
		if (!unlisted.isEmpty()) {
			log.warn("Service kind descriptors not yet in the catalog (staff can add them): {}", unlisted);
		}
		log.info("The catalog lists {} relevant services, each with a service kind descriptor", listedKeys.size());
	}
}
