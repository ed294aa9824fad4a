package portal.agreements;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import portal.agreements.desk.Applicant;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.ApplicationState;
import portal.agreements.desk.DeskEntry;
import portal.agreements.desk.Receipt;
import portal.agreements.desk.RejectionReason;
import portal.customers.inventory.ContractFeed;
import portal.customers.inventory.ContractState;
import portal.customers.inventory.ContractTerms;
import portal.customers.inventory.CustomerOfRecord;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.TestPrincipals;

/**
 * Small factories for the agreements tests: unlinked contracts as a system reports them,
 * applications, and a queue cleared before each test (all integration tests share one
 * database, and the desk decides in receipt order across all of it).
 */
final class AgreementFixtures {

	static final Authentication DESK = TestPrincipals.staff("ST9000001", "DESK");

	static final Authentication SERVICE_MANAGER = TestPrincipals.staff("ST9000002", "SERVICE_MANAGER");

	private final ApplicationDesk desk;

	private final ContractFeed contracts;

	private final Tenancy tenancy;

	final String run = UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);

	AgreementFixtures(ApplicationDesk desk, ContractFeed contracts, Tenancy tenancy) {
		this.desk = desk;
		this.contracts = contracts;
		this.tenancy = tenancy;
	}

	String legalName(String name) {
		return name + " " + run;
	}

	/** An active contract not linked to any Portal Customer, held by the given company name. */
	String unlinkedContract(String suffix, String legalName) {
		String number = "T-" + run + "-" + suffix;
		tenancy.run(Actor.serviceSystem("test-feed"), TenantScope.system(), () -> contracts.record("COMPANY",
				new ContractTerms(number, "ocn-for-business", "COMPANY", new CustomerOfRecord(legalName, "REG-1"), "",
						LocalDate.parse("2024-04-01"), null, ContractState.ACTIVE)));
		return number;
	}

	static Applicant applicant(String legalName, String email, List<String> contracts) {
		return new Applicant(legalName, "1-1 Test Street, Tokyo", "JP",
				new Applicant.Person("Chika Contact", "contact-" + email, "+81 3 1111 2222"), contracts,
				new Applicant.Person("Aki Administrator", email, "+81 3 3333 4444"), "en", true);
	}

	Receipt submit(Applicant applicant) {
		return tenancy.call(new Tenancy.Context(Actor.ANONYMOUS, TenantScope.none(), "10.0.0." + (Math.abs(run.hashCode()) % 250)),
				() -> desk.submit(applicant));
	}

	<T> T asDesk(Supplier<T> work) {
		return tenancy.call(Actor.staff("ST9000001"), TenantScope.allCustomers(), work);
	}

	/** Rejects whatever other tests left undecided, so that this test's applications are the oldest. */
	void clearQueue() {
		asDesk(() -> {
			for (DeskEntry entry : desk.queue(Optional.of(ApplicationState.RECEIVED), 500)) {
				desk.reject(entry.application().receiptNo(), RejectionReason.OPERATIONAL_OBSTACLES, "cleared by a test");
			}
			return null;
		});
	}
}
