package portal.catalog.descriptor;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import portal.catalog.InvalidDescriptorException;
import portal.catalog.ServiceKindDescriptor;

/**
 * Finds descriptor files by a resource pattern and reads each into a validated
 * {@link ServiceKindDescriptor}. The YAML parser's safe constructor builds no objects other
 * than maps, lists and scalars, and a field given twice is refused instead of the last one
 * silently winning.
 */
public final class DescriptorFiles {

	private final ResourcePatternResolver resolver;

	public DescriptorFiles(ResourcePatternResolver resolver) {
		this.resolver = resolver;
	}

	/**
	 * Every descriptor at the location by key, ordered by key.
	 *
	 * @throws InvalidDescriptorException naming the file and field of the first fault found
	 */
	public Map<String, ServiceKindDescriptor> descriptors(String location) {
		DescriptorReader reader = new DescriptorReader();
		Map<String, ServiceKindDescriptor> byKey = new TreeMap<>();
		Map<String, String> sources = new HashMap<>();
		for (DescriptorNode root : read(location)) {
			ServiceKindDescriptor descriptor = reader.read(root, fileKey(root.source()));
			// the same file name under two classpath roots (a jar and a directory) would clash here
			String earlier = sources.putIfAbsent(descriptor.key(), root.source());
			if (earlier != null) {
				throw root.fail("key", "'" + descriptor.key() + "' is already used by another " + earlier);
			}
			byKey.put(descriptor.key(), descriptor);
		}
		return Collections.unmodifiableMap(byKey);
	}

	List<DescriptorNode> read(String location) {
		Resource[] resources = resolve(location);
		if (resources.length == 0) {
			throw new InvalidDescriptorException(location + ": no service kind descriptors found");
		}
		return Arrays.stream(resources)
				.sorted(Comparator.comparing(Resource::getFilename))
				.map(resource -> {
					String source = sourceName(location, resource);
					return DescriptorNode.root(source, parse(source, resource));
				})
				.toList();
	}

	private Resource[] resolve(String location) {
		try {
			return resolver.getResources(location);
		}
		catch (IOException unreadable) {
			throw new InvalidDescriptorException(location + ": cannot list descriptors: " + unreadable.getMessage(), unreadable);
		}
	}

	private static Object parse(String source, Resource resource) {
		LoaderOptions options = new LoaderOptions();
		options.setAllowDuplicateKeys(false);
		options.setMaxAliasesForCollections(20);
		try (InputStream in = resource.getInputStream()) {
			return new Yaml(new SafeConstructor(options)).load(in);
		}
		catch (IOException unreadable) {
			throw new InvalidDescriptorException(source + ": cannot be read: " + unreadable.getMessage(), unreadable);
		}
		catch (MarkedYAMLException invalid) {
			Mark mark = invalid.getProblemMark();
			String where = mark == null ? "" : "line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1) + ": ";
			throw new InvalidDescriptorException(source + ": " + where + "is not valid YAML: " + invalid.getProblem(), invalid);
		}
		catch (YAMLException invalid) {
			throw new InvalidDescriptorException(source + ": is not valid YAML: " + invalid.getMessage(), invalid);
		}
	}

	/**
	 * Names a file by its path below the pattern's root, e.g. {@code catalog/services/home5g.yml},
	 * which is what a person editing it recognises (a URL into a jar is not).
	 */
	static String sourceName(String location, Resource resource) {
		String path = location.replaceFirst("^[a-z*]+:", "");
		int wildcard = firstWildcard(path);
		String directory = path.substring(0, path.lastIndexOf('/', wildcard) + 1);
		return directory + resource.getFilename();
	}

	private static int firstWildcard(String path) {
		for (int i = 0; i < path.length(); i++) {
			if ("*?{".indexOf(path.charAt(i)) >= 0) {
				return i;
			}
		}
		return path.length();
	}

	static String fileKey(String source) {
		String name = source.substring(source.lastIndexOf('/') + 1);
		int dot = name.lastIndexOf('.');
		return dot < 0 ? name : name.substring(0, dot);
	}
}
