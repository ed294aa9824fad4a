package portal.identity.demo;

import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.platform.demo.DemoAccount;
import portal.platform.demo.DemoAccounts;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;
import portal.terms.ConsentConfirmations;
import portal.terms.Terms;
import portal.identity.Role;
import portal.identity.administration.Registrations;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.credentials.PasswordHashes;
import portal.identity.credentials.Secrets;
import portal.identity.credentials.Totp;
import portal.identity.tokens.ApiTokens;
import portal.identity.tokens.CreatedApiToken;

/**
 * Demo accounts: a staff member for every staff role (and one limited to an affiliate),
 * and a user of every customer role for two demo customers, each already activated with
 * a password, a TOTP secret and an API token, all written to demo-accounts.json.
 */
@Component
@Conditional(DemoModeEnabled.class)
public class IdentityDemo implements DemoSeeder {

	private static final List<String> DEMO_CUSTOMERS = List.of("C-0001", "C-0002");

	private final Registrations registrations;

	private final Accounts accounts;

	private final ApiTokens tokens;

	private final PasswordHashes encoder;

	private final Terms terms;

	private final ConsentConfirmations confirmations;

	private final Clock clock;

	private final Customers customers;

	IdentityDemo(Registrations registrations, Accounts accounts, ApiTokens tokens, PasswordHashes encoder,
			Terms terms, ConsentConfirmations confirmations, Clock clock, Customers customers) {
		this.customers = customers;
		this.registrations = registrations;
		this.accounts = accounts;
		this.tokens = tokens;
		this.encoder = encoder;
		this.terms = terms;
		this.confirmations = confirmations;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "identity-accounts";
	}

	@Override
	public int order() {
		return 300;
	}

	@Override
	public void seed(DemoAccounts demo) {
		String[][] staff = { { "Aiko Tanaka", "desk" }, { "Brian Walsh", "service-manager" },
				{ "Chen Wei", "publisher" }, { "Daichi Mori", "maintenance-planner" }, { "Elena Rossi", "auditor" },
				{ "Fumiko Sato", "admin" } };
		for (String[] person : staff) {
			Role role = Role.staffRole(person[1]).orElseThrow();
			seed(demo, person[0], true, null, null, EnumSet.of(role), "");
		}
		seed(demo, "Grace Lim", true, null, "NTT-SINGAPORE", EnumSet.of(Role.STAFF_DESK), "");
		String[][] users = { { "administrator", "Administrator" }, { "orderer", "Orderer" }, { "viewer", "Viewer" } };
		for (String code : DEMO_CUSTOMERS) {
			UUID customer = customerId(code);
			if (customer == null) {
				continue;
			}
			for (String[] user : users) {
				Role role = Role.customerRole(user[0]).orElseThrow();
				seed(demo, user[1] + " of " + code, false, customer, null, EnumSet.of(role), code);
			}
		}
	}

	private void seed(DemoAccounts demo, String name, boolean staff, UUID customer, String companyScope, Set<Role> roles,
			String customerCode) {
		Account account = registrations.issue(staff, customer, companyScope, roles);
		String slug = name.toLowerCase().replaceAll("[^a-z0-9]+", ".").replaceAll("^\\.|\\.$", "");
		account.changeContact(name, slug + "@demo.customer-portal.invalid", "+81 3 0000 " + String.format("%04d",
				Math.abs(name.hashCode()) % 10000), null);
		String password = "Demo-" + Secrets.random(12);
		String totp = Totp.newSecret();
		account.activate(encoder.encode(password), totp, clock.instant());
		accounts.insert(account);
		if (customer != null) {
			int version = terms.requireInForce(Terms.PERSONAL_INFORMATION).version();
			confirmations.confirm(customer, account.id(), version, "demo-seed");
			terms.recordAcceptance(customer, account.id(), Terms.PERSONAL_INFORMATION, version);
		}
		CreatedApiToken token = tokens.create(account, "demo token", Duration.ofDays(365));
		Function<Role, String> key = Role::key;
		demo.add(new DemoAccount(staff ? "staff" : "user", account.loginId(), password, totp, token.secret(),
				customerCode, roles.stream().map(key).sorted().toList()));
	}

	private UUID customerId(String code) {
		return customers.byCode(code).map(CustomerSummary::id).orElse(null);
	}
}
