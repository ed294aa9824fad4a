package portal.identity.demo;

import java.util.EnumSet;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.identity.Role;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.administration.Registrations;
import portal.identity.lostcredentials.LostCredentials;
import portal.platform.demo.DemoAccounts;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;

/**
 * A user of the first demo customer whose login information was reported lost, so that the
 * desk's queue at {@code /console/lost-credentials} has a report to verify and restore, and
 * the customer's "who changed what" has an entry.
 */
@Component
@Conditional(DemoModeEnabled.class)
class LostCredentialsDemo implements DemoSeeder {

	private final Registrations registrations;

	private final Accounts accounts;

	private final LostCredentials lost;

	private final Customers customers;

	LostCredentialsDemo(Registrations registrations, Accounts accounts, LostCredentials lost, Customers customers) {
		this.registrations = registrations;
		this.accounts = accounts;
		this.lost = lost;
		this.customers = customers;
	}

	@Override
	public String name() {
		return "identity-lost-credentials";
	}

	@Override
	public int order() {
		return 310;
	}

	@Override
	public void seed(DemoAccounts demo) {
		customers.byCode("C-0001").map(CustomerSummary::id).ifPresent(customer -> {
			Account account = registrations.issue(false, customer, null, EnumSet.of(Role.CUSTOMER_VIEWER));
			account.changeContact("Hiro Kato of C-0001", "hiro.kato.of.c.0001@demo.customer-portal.invalid",
					"+81 3 0000 0310", null);
			accounts.insert(account);
			lost.report(customer, account.loginId());
		});
	}
}
