package portal.usage;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Component;
import portal.customers.HeldInstance;
import portal.customers.HeldInstances;
import portal.platform.Invalidations;
import portal.platform.NodeCache;

/**
 * The instances a contracting company's systems send samples for, with their series, kept on
 * each node between bodies: a system names the same instances in every body it sends, every few
 * minutes, and looking them up again took two statements per window of every body.
 *
 * <p>An entry is dropped on every node when any instance or contract is recorded or changed
 * ({@link HeldInstances#CHANGED_TOPIC}: an instance moved to another contract, a contract linked
 * to another customer), and a customer's entries when a series of theirs is created or erased
 * ({@link SeriesCatalog#CHANGED_TOPIC}). Instances not found are never kept: an instance
 * recorded later is found by the next body that names it.
 */
@Component
class SendingInstances {

	private static final Duration KEPT = Duration.ofMinutes(10);

	private static final int KEPT_AT_MOST = 50_000;

	/** An instance of the company, and those of its series that belong to its customer. */
	record Known(HeldInstance instance, List<Series> series) {
	}

	private record Key(String company, String instance) {
	}

	private final HeldInstances instances;

	private final SeriesCatalog catalog;

	private final NodeCache<Key, Known> kept;

	SendingInstances(HeldInstances instances, SeriesCatalog catalog, Invalidations invalidations) {
		this.instances = instances;
		this.catalog = catalog;
		this.kept = invalidations.cache(KEPT, KEPT_AT_MOST);
		invalidations.subscribe(HeldInstances.CHANGED_TOPIC, any -> kept.clear(), kept::clear);
		invalidations.subscribe(SeriesCatalog.CHANGED_TOPIC,
				customer -> kept.removeIf(known -> known.instance().customerId().toString().equals(customer)),
				kept::clear);
	}

	/**
	 * The company's instances among the ids, by id, with their series (those not found are left
	 * out), read in two statements for those not kept. {@code keep} is false within a transaction
	 * that created a series: what it reads may never be committed, so it is not kept.
	 */
	Map<String, Known> of(String company, Set<String> ids, boolean keep) {
		if (!keep) {
			return read(company, ids);
		}
		Map<Key, Known> found = kept.getAll(ids.stream().map(id -> new Key(company, id)).toList(),
				keys -> byKey(company, read(company, keys.stream().map(Key::instance).toList())));
		Map<String, Known> byId = new HashMap<>();
		found.forEach((key, known) -> byId.put(key.instance(), known));
		return byId;
	}

	private Map<String, Known> read(String company, Collection<String> ids) {
		Map<String, HeldInstance> found = instances.ofCompany(company, ids);
		Map<String, List<Series>> series = new HashMap<>();
		for (Series existing : catalog.ofInstances(found.values())) {
			HeldInstance held = found.get(existing.instanceId());
			if (held != null && held.customerId().equals(existing.customerId())) {
				series.computeIfAbsent(held.id(), id -> new ArrayList<>()).add(existing);
			}
		}
		Map<String, Known> known = new HashMap<>();
		found.forEach((id, held) -> known.put(id, new Known(held, List.copyOf(series.getOrDefault(id, List.of())))));
		return known;
	}

	private static Map<Key, Known> byKey(String company, Map<String, Known> byId) {
		Map<Key, Known> keyed = new HashMap<>();
		byId.forEach((id, known) -> keyed.put(new Key(company, id), known));
		return keyed;
	}
}
