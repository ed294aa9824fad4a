package portal.platform;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("A node cache loads a missed key once for the callers that miss it together")
class NodeCacheTests {

	private final NodeCache<String, String> cache = new NodeCache<>(new Listening(), Duration.ofMinutes(10), 100);

	private final ExecutorService callers = Executors.newFixedThreadPool(8);

	private final CountDownLatch release = new CountDownLatch(1);

	private final AtomicInteger loads = new AtomicInteger();

	@AfterEach
	void stop() {
		release.countDown();
		callers.shutdownNow();
	}

	@Test
	@DisplayName("callers missing a key while it loads wait for that load and get its value")
	void concurrentMissesLoadOnce() throws Exception {
		Future<String> first = callers.submit(() -> cache.get("k", this::heldLoad));
		awaitLoads(1);
		List<Future<String>> others = new ArrayList<>();
		for (int i = 0; i < 6; i++) {
			others.add(callers.submit(() -> cache.get("k", this::heldLoad)));
		}
		awaitWaiting(6);
		release.countDown();
		assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo("value 1");
		for (Future<String> other : others) {
			assertThat(other.get(5, TimeUnit.SECONDS)).isEqualTo("value 1");
		}
		assertThat(loads).hasValue(1);
		assertThat(cache.get("k", key -> "not loaded")).as("kept after the load").isEqualTo("value 1");
	}

	@Test
	@DisplayName("after an eviction, a caller does not wait for a load begun before it, and that load is not kept")
	void evictionForgetsTheLoadInFlight() throws Exception {
		Future<String> before = callers.submit(() -> cache.get("k", this::heldLoad));
		awaitLoads(1);
		cache.remove("k");
		assertThat(cache.get("k", key -> "after the change")).isEqualTo("after the change");
		release.countDown();
		assertThat(before.get(5, TimeUnit.SECONDS)).isEqualTo("value 1");
		assertThat(cache.get("k", key -> "loaded again"))
			.as("the load begun after the eviction is kept, not the one that overlapped it")
			.isEqualTo("after the change");
	}

	@Test
	@DisplayName("when a load fails, its caller gets the failure and those waiting for it load for themselves")
	void aFailedLoadLeavesTheWaitersToLoad() throws Exception {
		Future<String> failing = callers.submit(() -> cache.get("k", key -> {
			loads.incrementAndGet();
			await();
			throw new IllegalStateException("the database went away");
		}));
		awaitLoads(1);
		Future<String> waiting = callers.submit(() -> cache.get("k", key -> "loaded by the waiter"));
		awaitWaiting(1);
		release.countDown();
		assertThatThrownBy(() -> failing.get(5, TimeUnit.SECONDS)).hasRootCauseMessage("the database went away");
		assertThat(waiting.get(5, TimeUnit.SECONDS)).isEqualTo("loaded by the waiter");
	}

	@Test
	@DisplayName("a load that asks for its own key again loads it rather than waiting for itself")
	void reentrantLoadDoesNotWaitForItself() {
		String value = cache.get("k", key -> "outer, " + cache.get("k", inner -> "inner"));
		assertThat(value).isEqualTo("outer, inner");
	}

	@Test
	@DisplayName("a batch answers the kept values and loads only the others, in one call, and keeps them")
	void batchLoadsOnlyWhatIsMissing() {
		List<Set<String>> asked = new ArrayList<>();
		assertThat(cache.get("a", key -> "kept a")).isEqualTo("kept a");
		Map<String, String> first = cache.getAll(List.of("a", "b", "c"), keys -> {
			asked.add(keys);
			return Map.of("b", "loaded b");
		});
		assertThat(first).containsOnly(Map.entry("a", "kept a"), Map.entry("b", "loaded b"));
		Map<String, String> second = cache.getAll(List.of("a", "b", "c"), keys -> {
			asked.add(keys);
			return Map.of();
		});
		assertThat(second).containsOnlyKeys("a", "b");
		assertThat(asked).as("what the loader was asked for, each time").containsExactly(Set.of("b", "c"),
				Set.of("c"));
	}

	@Test
	@DisplayName("what a batch loaded while an eviction happened is answered but not kept")
	void batchOverlappingAnEvictionIsNotKept() {
		Map<String, String> during = cache.getAll(List.of("a", "b"), keys -> {
			cache.removeIf(value -> false);
			return Map.of("a", "old a", "b", "old b");
		});
		assertThat(during).containsOnly(Map.entry("a", "old a"), Map.entry("b", "old b"));
		assertThat(cache.getAll(List.of("a", "b"), keys -> Map.of("a", "new a", "b", "new b")))
			.containsOnly(Map.entry("a", "new a"), Map.entry("b", "new b"));
		assertThat(cache.get("a", key -> "not kept")).as("the batch after the eviction is kept").isEqualTo("new a");
	}

	private String heldLoad(String key) {
		int n = loads.incrementAndGet();
		await();
		return "value " + n;
	}

	private void await() {
		try {
			release.await(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	private void awaitLoads(int count) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (loads.get() < count && System.nanoTime() < until) {
			Thread.sleep(5);
		}
		assertThat(loads).hasValue(count);
	}

	// Until as many callers are parked waiting for a load (the loader itself waits with a timeout).
	private void awaitWaiting(int count) throws InterruptedException {
		long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
		while (parked() < count && System.nanoTime() < until) {
			Thread.sleep(5);
		}
		assertThat(parked()).isEqualTo(count);
	}

	private static long parked() {
		return Thread.getAllStackTraces().entrySet().stream()
			.filter(e -> e.getKey().getState() == Thread.State.WAITING)
			.filter(e -> java.util.Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("join")
					&& f.getClassName().equals(java.util.concurrent.CompletableFuture.class.getName())))
			.count();
	}

	private static final class Listening implements Invalidations {

		@Override
		public void publish(String topic, String key) {
		}

		@Override
		public void subscribe(String topic, Consumer<String> onKey, Runnable onMissed) {
		}

		@Override
		public boolean listening() {
			return true;
		}
	}
}
