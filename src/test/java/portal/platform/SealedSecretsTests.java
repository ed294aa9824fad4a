package portal.platform;

import java.security.SecureRandom;
import java.util.Optional;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-6.2 Secrets sealed at rest with AES-GCM, and key rotation")
class SealedSecretsTests {

	private static SecretKeys.Key key() {
		byte[] bytes = new byte[32];
		new SecureRandom().nextBytes(bytes);
		return SecretKeys.Key.of(bytes);
	}

	private final SecretKeys.Key old = key();

	private final SecretKeys.Key current = key();

	@Test
	@DisplayName("R-6.2 a sealed secret names its key, hides the secret and opens only in its own context")
	void sealsAndOpensInContext() {
		SealedSecrets secrets = new SealedSecrets(new SecretKeys(current, Optional.empty()));
		String stored = secrets.seal("JBSWY3DPEHPK3PXP", "account:1");
		assertThat(stored).startsWith("gcm1:" + current.id() + ":").doesNotContain("JBSWY3DPEHPK3PXP");
		assertThat(secrets.seal("JBSWY3DPEHPK3PXP", "account:1")).as("a fresh nonce each time").isNotEqualTo(stored);
		assertThat(secrets.open(stored, "account:1")).isEqualTo(new SealedSecrets.Opened("JBSWY3DPEHPK3PXP", true));
		assertThatThrownBy(() -> secrets.open(stored, "account:2")).isInstanceOf(IllegalStateException.class);
		String altered = stored.substring(0, stored.length() - 2) + (stored.endsWith("AA") ? "BB" : "AA");
		assertThatThrownBy(() -> secrets.open(altered, "account:1")).isInstanceOf(IllegalStateException.class);
	}

	@Test
	@DisplayName("R-6.2 after rotation, secrets under the previous key open and say they need resealing")
	void previousKeyStillOpens() {
		String underOld = new SealedSecrets(new SecretKeys(old, Optional.empty())).seal("SECRET", "c");
		SealedSecrets rotated = new SealedSecrets(new SecretKeys(current, Optional.of(old)));
		assertThat(rotated.isCurrent(underOld)).isFalse();
		assertThat(rotated.open(underOld, "c")).isEqualTo(new SealedSecrets.Opened("SECRET", false));
		String resealed = rotated.seal("SECRET", "c");
		assertThat(rotated.isCurrent(resealed)).isTrue();
		SealedSecrets withoutOld = new SealedSecrets(new SecretKeys(current, Optional.empty()));
		assertThatThrownBy(() -> withoutOld.open(underOld, "c")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining(old.id());
		assertThat(withoutOld.open(resealed, "c").secret()).isEqualTo("SECRET");
	}

	@Test
	@DisplayName("R-6.2 a secret stored in clear before sealing existed opens as it is and is due for sealing")
	void clearSecretsAreDueForSealing() {
		SealedSecrets secrets = new SealedSecrets(new SecretKeys(current, Optional.empty()));
		assertThat(secrets.open("JBSWY3DPEHPK3PXP", "c")).isEqualTo(new SealedSecrets.Opened("JBSWY3DPEHPK3PXP", false));
		assertThat(secrets.isCurrent("JBSWY3DPEHPK3PXP")).isFalse();
	}

	@Test
	@DisplayName("R-6.2 a key must be 32 bytes")
	void refusesShortKeys() {
		assertThatThrownBy(() -> SecretKeys.Key.parse("c2hvcnQ=")).isInstanceOf(IllegalStateException.class);
	}
}
