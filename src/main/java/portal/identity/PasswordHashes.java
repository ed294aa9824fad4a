package portal.identity;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Argon2id hashing with at most one hash per core at a time. Each hash fills 19 MiB of
 * memory; run many at once on few cores and they evict each other from the caches, so
 * every sign-in gets slower and a burst of attempts starves the rest of the portal.
 * Queuing them keeps each hash at full speed.
 */
@Component
class PasswordHashes {

	private final Argon2PasswordEncoder encoder;

	private final Semaphore slots;

	PasswordHashes(Argon2PasswordEncoder encoder, @Value("${portal.identity.parallel-hashes:0}") int parallel) {
		this.encoder = encoder;
		this.slots = new Semaphore(parallel > 0 ? parallel : Runtime.getRuntime().availableProcessors(), true);
	}

	String encode(CharSequence password) {
		return bounded(() -> encoder.encode(password));
	}

	boolean matches(CharSequence password, String hash) {
		return bounded(() -> encoder.matches(password, hash));
	}

	boolean upgradeEncoding(String hash) {
		return encoder.upgradeEncoding(hash);
	}

	private <T> T bounded(Supplier<T> hashing) {
		slots.acquireUninterruptibly();
		try {
			return hashing.get();
		}
		finally {
			slots.release();
		}
	}
}
