package portal.identity.profile;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.accounts.Accounts;
import portal.platform.Invalidations;
import portal.platform.NodeCache;
import portal.platform.PortalPrincipal;
import portal.platform.web.PreferredZones;
import portal.platform.web.TimeZones;

/**
 * The time zone each person chose for the times the portal shows them, kept on their
 * account; none means their browser's zone. Every page asks for it, so each node keeps the
 * answers a few minutes, forgetting one as soon as any node changes the account.
 */
@Service
public class TimeZoneSettings implements PreferredZones {

	private static final String NONE = "";

	private final JdbcClient jdbc;

	private final Invalidations invalidations;

	private final NodeCache<UUID, String> cache;

	TimeZoneSettings(JdbcClient jdbc, Invalidations invalidations) {
		this.jdbc = jdbc;
		this.invalidations = invalidations;
		this.cache = invalidations.cache(Duration.ofMinutes(5), 10_000);
		invalidations.subscribe(Accounts.CHANGED_TOPIC, id -> cache.remove(UUID.fromString(id)), cache::clear);
	}

	@Override
	public Optional<ZoneId> of(PortalPrincipal principal) {
		return principal instanceof PortalUser user ? chosen(user) : Optional.empty();
	}

	/** The zone the person chose, if they chose one. */
	public Optional<ZoneId> chosen(PortalUser user) {
		return ofAccount(user.accountId());
	}

	@Override
	public Optional<ZoneId> ofAccount(UUID accountId) {
		return TimeZones.parse(cache.get(accountId, this::load));
	}

	/** Chooses a zone by its IANA name; blank goes back to the browser's zone. */
	@Transactional
	public void choose(PortalUser user, String name) {
		String stored = null;
		if (name != null && !name.isBlank()) {
			stored = TimeZones.parse(name)
				.orElseThrow(() -> IdentityException.invalid("timeZone",
						"Choose a time zone from the list, such as Asia/Tokyo or Europe/London."))
				.getId();
		}
		int updated = jdbc.sql("UPDATE identity.accounts SET time_zone = ? WHERE id = ? AND state <> 'RETIRED'")
			.params(stored, user.accountId())
			.update();
		if (updated != 1) {
			throw IdentityException.notFound();
		}
		invalidations.publish(Accounts.CHANGED_TOPIC, user.accountId().toString());
	}

	private String load(UUID accountId) {
		return jdbc.sql("SELECT coalesce(time_zone, '') FROM identity.accounts WHERE id = ?")
			.param(accountId)
			.query(String.class)
			.optional()
			.orElse(NONE);
	}
}
