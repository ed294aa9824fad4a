package portal.agreements;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import portal.agreements.desk.Applicant;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.Receipt;
import portal.agreements.desk.RejectionReason;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.Suspension;
import portal.agreements.lifecycle.SuspensionKind;
import portal.agreements.lifecycle.SuspensionReason;
import portal.agreements.lifecycle.SuspensionScope;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.platform.Actor;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.demo.DemoAccounts;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;

/**
 * Demo agreements: the demo customers' agreements, three applications (one whose applicant
 * holds the unlinked demo contract, one who does not, one rejected earlier), a planned
 * maintenance of the whole portal next month for everyone, an ordering suspension for one
 * customer and a planned maintenance of one relevant service for another, so the desk and
 * the service manager have something to act on.
 */
@Component
@Conditional(DemoModeEnabled.class)
class AgreementsDemo implements DemoSeeder {

	private final Customers customers;

	private final AgreementLifecycle lifecycle;

	private final ApplicationDesk desk;

	private final Tenancy tenancy;

	private final Clock clock;

	AgreementsDemo(Customers customers, AgreementLifecycle lifecycle, ApplicationDesk desk, Tenancy tenancy,
			Clock clock) {
		this.customers = customers;
		this.lifecycle = lifecycle;
		this.desk = desk;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "agreements";
	}

	@Override
	public int order() {
		return 400;
	}

	@Override
	public void seed(DemoAccounts accounts) {
		for (String code : List.of("C-0001", "C-0002", "C-0003")) {
			customers.byCode(code).ifPresent(customer -> lifecycle.conclude(customer.id(), null));
		}
		Receipt rejected = desk.submit(applicant("Kestrel Imports Ltd.", "GB", "ops@kestrel.example.com",
				List.of("GB-XX-2019-0001")));
		tenancy.run(Actor.staff("demo-desk"), TenantScope.allCustomers(), () -> desk.reject(rejected.receiptNo(),
				RejectionReason.NOT_CUSTOMER_OF_RECORD, "No contract GB-XX-2019-0001 is known with the Company or an affiliate."));
		desk.submit(applicant("Hanamizuki Trading K.K.", "JP", "it@hanamizuki.example.com", List.of("J-OCN-2020-31877")));
		desk.submit(applicant("Tsubame Design Office", "JP", "admin@tsubame.example.com", List.of("J-OCN-2020-99999")));
		Instant nextMonth = LocalDate.now(clock).withDayOfMonth(1).plusMonths(1).atTime(1, 0).toInstant(ZoneOffset.UTC);
		Instant start = nextMonth.isBefore(clock.instant().plus(Duration.ofDays(8)))
				? nextMonth.plus(Duration.ofDays(14)) : nextMonth;
		tenancy.run(Actor.staff("demo-service-manager"), TenantScope.allCustomers(), () -> {
			lifecycle.announce(new Suspension.Request(null, SuspensionScope.WHOLE, null, null,
					SuspensionReason.MAINTENANCE, SuspensionKind.PLANNED, "Core network maintenance.", start,
					start.plus(Duration.ofHours(4)), null));
			customers.byCode("C-0002").map(CustomerSummary::id).ifPresent(customer -> lifecycle.announce(
					new Suspension.Request(customer, SuspensionScope.FEATURE, PortalFeature.ORDERING, null,
							SuspensionReason.THIRD_PARTY, SuspensionKind.EMERGENCY, "Order system of a supplier is down.",
							null, clock.instant().plus(Duration.ofDays(3)), null)));
			// A relevant service's own maintenance: its rows leave the customer's lists while it is in force.
			Instant pbx = clock.instant().plus(Duration.ofDays(10)).truncatedTo(java.time.temporal.ChronoUnit.HOURS);
			customers.byCode("C-0001").map(CustomerSummary::id).ifPresent(customer -> lifecycle.announce(
					new Suspension.Request(customer, SuspensionScope.SERVICE, null, "arcstar-smart-pbx",
							SuspensionReason.MAINTENANCE, SuspensionKind.PLANNED, "PBX platform upgrade.", pbx,
							pbx.plus(Duration.ofHours(6)), null)));
		});
	}

	private static Applicant applicant(String name, String country, String email, List<String> contracts) {
		return new Applicant(name, "1-2-3 Demo Street", country, new Applicant.Person("Demo Contact", email,
				"+81 3 5555 0100"), contracts, new Applicant.Person("Demo Administrator", "first-" + email,
						"+81 3 5555 0101"), "en", true);
	}
}
