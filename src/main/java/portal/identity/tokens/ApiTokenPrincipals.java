package portal.identity.tokens;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import portal.identity.PortalUser;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.credentials.Secrets;
import portal.platform.Actor;
import portal.platform.Invalidations;
import portal.platform.NodeCache;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * The principal a presented API token acts as. Kept per node for a short while
 * ({@code portal.identity.token-cache-ttl}, 30 s by default) so that a burst of API calls
 * costs one lookup; any change to the owner's account or to its tokens (revocation, roles,
 * lock, retirement) evicts it on every node at once through {@link Invalidations}. The
 * token's last use is written at most once per {@code portal.identity.token-last-use-interval}
 * (60 s by default).
 */
@Component
public class ApiTokenPrincipals {

	private record Known(UUID tokenId, UUID accountId, Instant expiresAt, PortalUser user,
			AtomicReference<Instant> lastUseWritten) {
	}

	private final ApiTokens tokens;

	private final Accounts accounts;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final Duration lastUseInterval;

	private final NodeCache<String, Known> cache;

	ApiTokenPrincipals(ApiTokens tokens, Accounts accounts, Tenancy tenancy, TransactionTemplate transactions,
			Clock clock, Invalidations invalidations,
			@Value("${portal.identity.token-cache-ttl:30s}") Duration cacheTtl,
			@Value("${portal.identity.token-last-use-interval:60s}") Duration lastUseInterval) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.tenancy = tenancy;
		this.transactions = transactions;
		this.clock = clock;
		this.lastUseInterval = lastUseInterval;
		this.cache = invalidations.cache(cacheTtl, 10_000);
		invalidations.subscribe(Accounts.CHANGED_TOPIC, accountId -> cache.removeIf(k -> k.accountId().toString().equals(accountId)),
				cache::clear);
	}

	/** The active owner of a known, unexpired, unrevoked token, acting through it. */
	Optional<PortalUser> principal(String presented) {
		if (presented == null || !presented.startsWith(ApiTokens.PREFIX) || presented.length() > 120) {
			return Optional.empty();
		}
		String digest = HexFormat.of().formatHex(Secrets.digest(presented));
		Known known = cache.get(digest, d -> load(presented));
		if (known == null) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		if (!now.isBefore(known.expiresAt())) {
			cache.remove(digest);
			return Optional.empty();
		}
		recordUse(known, now);
		return Optional.of(known.user());
	}

	private Known load(String presented) {
		return asSystem(() -> tokens.active(presented).flatMap(token -> accounts.byId(token.accountId())
			.filter(Account::isActive)
			.map(owner -> new Known(token.id(), owner.id(), token.expiresAt(), owner.principal(true),
					new AtomicReference<>(token.lastUsedAt() == null ? Instant.EPOCH : token.lastUsedAt()))))
			.orElse(null));
	}

	private void recordUse(Known known, Instant now) {
		Instant written = known.lastUseWritten().get();
		if (now.isBefore(written.plus(lastUseInterval)) || !known.lastUseWritten().compareAndSet(written, now)) {
			return;
		}
		asSystem(() -> {
			tokens.used(known.tokenId(), now, now.minus(lastUseInterval));
			return null;
		});
	}

	private <T> T asSystem(java.util.function.Supplier<T> work) {
		return tenancy.call(Actor.job("api-token-auth"), TenantScope.system(), () -> transactions.execute(status -> work.get()));
	}
}
