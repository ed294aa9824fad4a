package portal.platform.web;

import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

import portal.platform.PortalPrincipal;

/**
 * The time zone a signed-in person chose in their profile, if any. The module that keeps
 * the people implements it; {@link Times} asks it once per request, before the browser's
 * zone and UTC.
 */
public interface PreferredZones {

	Optional<ZoneId> of(PortalPrincipal principal);

	/** The zone the person of that account chose, if any: for what is written to them outside a request (mails). */
	Optional<ZoneId> ofAccount(UUID accountId);
}
