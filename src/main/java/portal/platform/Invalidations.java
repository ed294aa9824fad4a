package portal.platform;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * Cache invalidation across the nodes of a cluster, through the shared PostgreSQL
 * ({@code LISTEN}/{@code NOTIFY} on one channel). A module that keeps a per-node cache of
 * something any node may change:
 * <ol>
 * <li>keeps the cache in a {@link NodeCache} from {@link #cache}: it is bypassed whenever
 * this node is not listening (so no notification can be missed unseen) and never stores a
 * value loaded while an invalidation arrived;</li>
 * <li>{@link #subscribe subscribes} to a topic of its own (e.g. {@code "identity.account"})
 * and evicts what a key names; the second handler runs when notifications may have been
 * missed (the listening connection was lost) and should drop everything;</li>
 * <li>{@link #publish publishes} the key it changed, in the transaction that changed it.</li>
 * </ol>
 * Delivery: inside a transaction, at its commit and only if it commits, to this node at
 * once (before the commit returns to the caller) and to the others within milliseconds;
 * outside a transaction, at once.
 */
public interface Invalidations {

	/** Tells every node, this one included, that what {@code key} names under {@code topic} changed. */
	void publish(String topic, String key);

	/** Calls {@code onKey} for each key published under the topic, and {@code onMissed} after a gap in listening. */
	void subscribe(String topic, Consumer<String> onKey, Runnable onMissed);

	/** Whether this node currently receives every invalidation. */
	boolean listening();

	/** A new per-node cache whose entries live at most {@code ttl}, bypassed while this node is not listening. */
	default <K, V> NodeCache<K, V> cache(Duration ttl, int maxEntries) {
		return new NodeCache<>(this, ttl, maxEntries);
	}
}
