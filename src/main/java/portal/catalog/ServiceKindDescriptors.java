package portal.catalog;

import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.core.io.support.ResourcePatternUtils;
import org.springframework.stereotype.Component;
import portal.catalog.descriptor.DescriptorFiles;

/**
 * The service kind descriptors of all relevant services, read once from
 * {@code catalog/services/*.yml} and validated before the application starts: a broken
 * file stops startup with an {@link InvalidDescriptorException} naming the file and field.
 * Adding a relevant service means adding a file, not a class.
 */
@Component
public class ServiceKindDescriptors {

	public static final String DEFAULT_LOCATION = "classpath*:catalog/services/*.yml";

	private static final Logger log = LoggerFactory.getLogger(ServiceKindDescriptors.class);

	private final Map<String, ServiceKindDescriptor> byKey;
	private final List<ServiceKindDescriptor> all;

	public ServiceKindDescriptors(ResourceLoader resourceLoader,
			@Value("${portal.catalog.descriptor-location:" + DEFAULT_LOCATION + "}") String location) {
		this.byKey = new DescriptorFiles(ResourcePatternUtils.getResourcePatternResolver(resourceLoader)).descriptors(location);
		this.all = List.copyOf(byKey.values());
		log.info("Loaded {} service kind descriptors from {}", byKey.size(), location);
	}

	/** Reads descriptors outside a Spring context, e.g. {@code classpath*:catalog/services/*.yml}. */
	public static ServiceKindDescriptors from(String location) {
		return new ServiceKindDescriptors(new DefaultResourceLoader(), location);
	}

	/** All descriptors, ordered by key. */
	public List<ServiceKindDescriptor> all() {
		return all;
	}

	public Optional<ServiceKindDescriptor> find(String key) {
		return Optional.ofNullable(byKey.get(key));
	}

	/** @throws NoSuchElementException when no descriptor has that key */
	public ServiceKindDescriptor require(String key) {
		return find(key).orElseThrow(() -> new NoSuchElementException("no service kind descriptor '" + key + "'"));
	}
}
