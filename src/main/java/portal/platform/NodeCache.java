package portal.platform;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A small per-node cache kept coherent across nodes by {@link Invalidations}: entries live
 * at most their time to live, the cache is bypassed while the node is not listening for
 * invalidations, and a value loaded while an eviction happened is returned but not kept
 * (so a change committed during the load is never hidden). Beyond its size it is emptied:
 * it is meant for hot, small sets (tokens in use, customers' states).
 *
 * <p>Callers that miss the same key while it is being loaded wait for that load rather than
 * each running their own: after an eviction, a popular entry is read once, not once per
 * caller queued behind the connections. An eviction also forgets the loads in flight, so a
 * caller arriving after it starts a load of its own. If a load fails, those waiting for it
 * load for themselves; only its own caller sees its exception.
 *
 * <p>{@link #getAll} serves callers that look keys up by the batch (one statement for many): it
 * answers the kept values and loads the others in one call, keeping them under the same rule.
 */
public final class NodeCache<K, V> {

	private record Entry<V>(V value, long expiresAt) {
	}

	private record Load<V>(Thread loader, CompletableFuture<V> result) {
	}

	private final Invalidations invalidations;

	private final long ttlNanos;

	private final int maxEntries;

	private final Map<K, Entry<V>> entries = new ConcurrentHashMap<>();

	private final Map<K, Load<V>> loading = new ConcurrentHashMap<>();

	private final AtomicLong generation = new AtomicLong();

	NodeCache(Invalidations invalidations, Duration ttl, int maxEntries) {
		this.invalidations = invalidations;
		this.ttlNanos = ttl.toNanos();
		this.maxEntries = maxEntries;
	}

	/** The cached value, or the loader's (not cached when {@code null}). */
	public V get(K key, Function<K, V> loader) {
		long now = System.nanoTime();
		if (ttlNanos <= 0 || !invalidations.listening()) {
			return loader.apply(key);
		}
		Entry<V> entry = entries.get(key);
		if (entry != null && now - entry.expiresAt() < 0) {
			return entry.value();
		}
		long before = generation.get();
		Load<V> mine = new Load<>(Thread.currentThread(), new CompletableFuture<>());
		Load<V> running = loading.putIfAbsent(key, mine);
		if (running != null) {
			if (running.loader() == Thread.currentThread()) {
				// Asked again from within its own load: waiting would wait for itself.
				return loader.apply(key);
			}
			try {
				return running.result().join();
			}
			catch (CompletionException ex) {
				return loader.apply(key);
			}
		}
		try {
			V value = loader.apply(key);
			if (value != null && generation.get() == before && invalidations.listening()) {
				if (entries.size() >= maxEntries) {
					entries.clear();
				}
				entries.put(key, new Entry<>(value, now + ttlNanos));
				if (generation.get() != before) {
					entries.remove(key);
				}
			}
			mine.result().complete(value);
			return value;
		}
		catch (RuntimeException | Error ex) {
			mine.result().completeExceptionally(ex);
			throw ex;
		}
		finally {
			loading.remove(key, mine);
		}
	}

	/**
	 * The kept values of the keys, and the loader's for the others, loaded together in one call
	 * (keys the loader leaves out have no value and are not kept). As with {@link #get}, nothing
	 * loaded while an eviction happened is kept. Batched loads are not shared with other callers.
	 */
	public Map<K, V> getAll(Collection<K> keys, Function<Set<K>, Map<K, V>> loader) {
		long now = System.nanoTime();
		if (ttlNanos <= 0 || !invalidations.listening()) {
			return loader.apply(new LinkedHashSet<>(keys));
		}
		Map<K, V> found = new HashMap<>();
		Set<K> missing = new LinkedHashSet<>();
		for (K key : keys) {
			Entry<V> entry = entries.get(key);
			if (entry != null && now - entry.expiresAt() < 0) {
				found.put(key, entry.value());
			}
			else {
				missing.add(key);
			}
		}
		if (missing.isEmpty()) {
			return found;
		}
		long before = generation.get();
		Map<K, V> loaded = new HashMap<>();
		loader.apply(missing).forEach((key, value) -> {
			if (value != null && missing.contains(key)) {
				loaded.put(key, value);
			}
		});
		found.putAll(loaded);
		if (generation.get() == before && invalidations.listening() && loaded.size() <= maxEntries) {
			if (entries.size() + loaded.size() > maxEntries) {
				entries.clear();
			}
			loaded.forEach((key, value) -> entries.put(key, new Entry<>(value, now + ttlNanos)));
			if (generation.get() != before) {
				missing.forEach(entries::remove);
			}
		}
		return found;
	}

	public void remove(K key) {
		generation.incrementAndGet();
		loading.remove(key);
		entries.remove(key);
	}

	public void removeIf(Predicate<V> matches) {
		generation.incrementAndGet();
		// What a load in flight will answer is not known yet: none of them is joined after this.
		loading.clear();
		entries.values().removeIf(entry -> matches.test(entry.value()));
	}

	public void clear() {
		generation.incrementAndGet();
		loading.clear();
		entries.clear();
	}
}
