package portal.identity.credentials;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-6.2 Argon2id password hashes")
class PasswordHashesTests {

	private final PasswordHashes hashes = new PasswordHashes(new Argon2PasswordEncoder(16, 32, 1, 19456, 2), 2);

	@AfterEach
	void stopHashingThreads() {
		hashes.stop();
	}

	@Test
	@DisplayName("R-6.2 a new hash is Argon2id with m=19 MiB, t=2, p=1, a 16-byte salt and a 32-byte hash")
	void newHashUsesTheSetParameters() {
		String hash = hashes.encode("correct horse battery staple");
		assertThat(hash).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
		String[] parts = hash.split("\\$");
		assertThat(Base64.getDecoder().decode(parts[4])).hasSize(16);
		assertThat(Base64.getDecoder().decode(parts[5])).hasSize(32);
		assertThat(hashes.encode("correct horse battery staple")).isNotEqualTo(hash);
		assertThat(hashes.upgradeEncoding(hash)).isFalse();
	}

	@Test
	@DisplayName("R-6.2 hashes agree with the reference implementation's published example")
	void agreesWithReferenceExample() {
		// The Argon2 reference implementation's README: "password", salt "somesalt", Argon2i, t=2, m=2^16, p=4, 24 bytes.
		byte[] expected = HexFormat.of().parseHex("45d7ac72e76f242b20b77b9bf9bf9d5915894e669a24e6c6");
		String stored = "$argon2i$v=19$m=65536,t=2,p=4$c29tZXNhbHQ$" + Base64.getEncoder().withoutPadding().encodeToString(expected);
		assertThat(hashes.matches("password", stored)).isTrue();
		assertThat(hashes.matches("Password", stored)).isFalse();
		assertThat(hashes.upgradeEncoding(stored)).isTrue();
	}

	@Test
	@DisplayName("R-6.2 hashes are read whichever encoder instance made them")
	void compatibleWithSpringSecurity() {
		Argon2PasswordEncoder spring = new Argon2PasswordEncoder(16, 32, 1, 19456, 2);
		assertThat(hashes.matches("a long enough passphrase", spring.encode("a long enough passphrase"))).isTrue();
		assertThat(spring.matches("a long enough passphrase", hashes.encode("a long enough passphrase"))).isTrue();
		assertThat(hashes.matches("another passphrase", spring.encode("a long enough passphrase"))).isFalse();
	}

	@Test
	@DisplayName("R-6.2 results are right with more callers than hashing threads")
	void manyCallersGetRightResults() throws Exception {
		String first = hashes.encode("first passphrase of the test");
		String second = hashes.encode("second passphrase of the test");
		ExecutorService callers = Executors.newFixedThreadPool(4);
		try {
			List<Future<Boolean>> results = new ArrayList<>();
			for (int i = 0; i < 8; i++) {
				boolean even = i % 2 == 0;
				results.add(callers.submit(() -> hashes.matches(even ? "first passphrase of the test"
						: "second passphrase of the test", even ? first : second)));
				results.add(callers.submit(() -> hashes.matches("first passphrase of the test", second)));
			}
			for (int i = 0; i < results.size(); i++) {
				assertThat(results.get(i).get()).as("result %d", i).isEqualTo(i % 2 == 0);
			}
		}
		finally {
			callers.shutdownNow();
		}
	}

	@Test
	@DisplayName("R-6.2 other parameters, weaker or not, call for a re-hash; malformed hashes match nothing")
	void upgradesAndRejectsMalformed() {
		assertThat(hashes.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 4096, 1).encode("x"))).isTrue();
		assertThat(hashes.matches("x", "$argon2id$v=19$m=19456,t=2,p=1$not-base64$")).isFalse();
		assertThat(hashes.matches("x", "$2a$10$abcdefghijklmnopqrstuv")).isFalse();
		assertThat(hashes.upgradeEncoding(new Argon2PasswordEncoder(16, 32, 1, 19456, 3).encode("x"))).isTrue();
		assertThat(hashes.upgradeEncoding(new Argon2PasswordEncoder(8, 32, 1, 19456, 2).encode("x"))).isTrue();
		assertThat(hashes.upgradeEncoding(hashes.encode("x"))).isFalse();
	}
}
