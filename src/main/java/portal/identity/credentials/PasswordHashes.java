package portal.identity.credentials;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashing on a fixed set of threads, one per core by default, that do nothing
 * else; requests wait for their turn in arrival order. Each hash fills 19 MiB of memory:
 * run many at once on few cores and they evict each other from the caches, so every
 * sign-in gets slower and a burst of attempts starves the rest of the portal. On threads
 * of their own the hashes also keep their memory allocation and caches out of the way of
 * request handling.
 */
@Component
public class PasswordHashes {

	private static final String CURRENT = "$argon2id$v=19$m=" + PasswordHashing.MEMORY_KIB + ",t="
			+ PasswordHashing.ITERATIONS + ",p=" + PasswordHashing.PARALLELISM + "$";

	private final Argon2PasswordEncoder encoder;

	private final ExecutorService hashing;

	PasswordHashes(Argon2PasswordEncoder encoder, @Value("${portal.identity.parallel-hashes:0}") int parallel) {
		this.encoder = encoder;
		int threads = parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors();
		AtomicInteger count = new AtomicInteger();
		this.hashing = Executors.newFixedThreadPool(threads, task -> {
			Thread thread = new Thread(task, "password-hashing-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	public String encode(CharSequence password) {
		return onHashingThread(() -> encoder.encode(password));
	}

	public boolean matches(CharSequence password, String hash) {
		return onHashingThread(() -> encoder.matches(password, hash));
	}

	/**
	 * Whether a stored hash was made with other parameters than the current ones, weaker or
	 * not (another variant, memory, iterations, parallelism, salt or hash length).
	 */
	public boolean upgradeEncoding(String hash) {
		if (hash == null || hash.isEmpty()) {
			return false;
		}
		if (!hash.startsWith(CURRENT)) {
			return true;
		}
		String[] saltAndHash = hash.substring(CURRENT.length()).split("\\$");
		return saltAndHash.length != 2 || saltAndHash[0].length() != base64Length(PasswordHashing.SALT_LENGTH)
				|| saltAndHash[1].length() != base64Length(PasswordHashing.HASH_LENGTH);
	}

	private static int base64Length(int bytes) {
		return (bytes * 4 + 2) / 3;
	}

	/** Hashes already asked for still finish, so that no caller waits for an answer that never comes. */
	@PreDestroy
	void stop() {
		hashing.shutdown();
	}

	private <T> T onHashingThread(Supplier<T> work) {
		Future<T> result = CompletableFuture.supplyAsync(work, hashing);
		// A hash is short: wait for it even when interrupted, and keep the interrupt for the caller.
		boolean interrupted = false;
		try {
			while (true) {
				try {
					return result.get();
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
				catch (ExecutionException ex) {
					if (ex.getCause() instanceof RuntimeException runtime) {
						throw runtime;
					}
					throw new IllegalStateException("Password hashing failed", ex.getCause());
				}
			}
		}
		finally {
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}
	}
}
