package portal.identity.accounts;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import portal.identity.AccountState;
import portal.identity.PortalUser;
import portal.identity.Role;
import portal.identity.UserView;

/** The columns of a stored account, as {@link Accounts} reads and writes them. */
record AccountRow(UUID id, String loginId, boolean staff, UUID customerId, String companyScope, String thirdParty,
		String name, String email, String phone, Set<Role> roles, List<String> serviceScope,
		List<String> instanceScope, String language, AccountState state, String passwordHash, String totpSecret,
		long totpLastStep, int failedSignIns, int wrongCodes, Instant lockedUntil, Instant createdAt,
		String createdBy, Instant activatedAt, long version) {

	PortalUser principal(boolean viaApiToken) {
		return new PortalUser(id, loginId, staff, customerId, companyScope, name, roles, serviceScope, instanceScope,
				viaApiToken);
	}

	UserView view() {
		return new UserView(id, loginId, staff ? "staff" : "user", customerId, companyScope, thirdParty, name, email,
				phone, roles.stream().map(Role::key).sorted().toList(), serviceScope, instanceScope, language,
				state.name().toLowerCase(Locale.ROOT).replace('_', '-'), createdAt, createdBy, activatedAt);
	}
}
