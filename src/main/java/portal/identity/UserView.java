package portal.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import portal.identity.accounts.Account;

/** A user as administrators and the user see it; never a secret. */
public record UserView(UUID id, String loginId, String kind, UUID customerId, String companyScope, String thirdParty,
		String name, String email, String phone, List<String> roles, List<String> serviceScope,
		List<String> instanceScope, String language, String state, Instant createdAt, String createdBy,
		Instant activatedAt) {

	public static UserView of(Account a) {
		return new UserView(a.id, a.loginId, a.staff ? "staff" : "user", a.customerId, a.companyScope, a.thirdParty,
				a.name, a.email, a.phone, a.roles.stream().map(Role::key).sorted().toList(), a.serviceScope,
				a.instanceScope, a.language, a.state.name().toLowerCase().replace('_', '-'), a.createdAt, a.createdBy,
				a.activatedAt);
	}
}
