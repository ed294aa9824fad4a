package portal.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A user as administrators and the user see it; never a secret. */
public record UserView(UUID id, String loginId, String kind, UUID customerId, String companyScope, String thirdParty,
		String name, String email, String phone, List<String> roles, List<String> serviceScope,
		List<String> instanceScope, String language, String state, Instant createdAt, String createdBy,
		Instant activatedAt) {
}
