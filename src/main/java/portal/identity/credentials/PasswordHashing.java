package portal.identity.credentials;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import portal.identity.accounts.IdentitySettings;

/**
 * Argon2id with the OWASP parameters set explicitly (m = 19 MiB, t = 2, p = 1; 16-byte
 * salt, 32-byte hash). A stored hash made with other parameters is re-hashed at the
 * next successful sign-in.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentitySettings.class)
public class PasswordHashing {

	static final int SALT_LENGTH = 16;

	static final int HASH_LENGTH = 32;

	static final int PARALLELISM = 1;

	static final int MEMORY_KIB = 19 * 1024;

	static final int ITERATIONS = 2;

	@Bean
	Argon2PasswordEncoder passwordEncoder() {
		return new Argon2PasswordEncoder(SALT_LENGTH, HASH_LENGTH, PARALLELISM, MEMORY_KIB, ITERATIONS);
	}
}
