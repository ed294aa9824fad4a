package portal.identity.accounts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** The identity module's settings ({@code portal.identity.*}). */
@ConfigurationProperties("portal.identity")
public record IdentitySettings(Duration activationValidity, Duration sessionAbsoluteTimeout, int maxFailedSignIns,
		Duration lockDuration, int maxWrongCodes, Duration apiTokenMaxValidity) {
}
