package portal.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The catalog as other modules read it: the relevant services and contracting
 * companies, retired ones included, each marked active while it is offered today. Lists
 * keep the order of the attachments, with later additions after them.
 */
@Service
@Transactional(readOnly = true)
public class Catalog {

	private final ListedServices services;

	private final ListedCompanies companies;

	private final Clock clock;

	Catalog(ListedServices services, ListedCompanies companies, Clock clock) {
		this.services = services;
		this.companies = companies;
		this.clock = clock;
	}

	public List<RelevantService> relevantServices() {
		LocalDate today = today();
		return services.findAllByOrderByPosition().stream().map(s -> s.on(today)).toList();
	}

	public Optional<RelevantService> relevantService(String key) {
		return services.findById(key).map(s -> s.on(today()));
	}

	/** The Company itself first, then the affiliates. */
	public List<ContractingCompany> companies() {
		LocalDate today = today();
		return companies.findAllByOrderByPosition().stream().map(c -> c.on(today)).toList();
	}

	public Optional<ContractingCompany> company(String code) {
		return companies.findById(code).map(c -> c.on(today()));
	}

	/** The services with their offer periods, for pages and the API that show them. */
	public List<ListedService> listedServices() {
		return services.findAllByOrderByPosition();
	}

	public Optional<ListedService> listedService(String key) {
		return services.findById(key);
	}

	/** The companies with their offer periods, the Company itself first. */
	public List<ListedCompany> listedCompanies() {
		return companies.findAllByOrderByPosition();
	}

	public Optional<ListedCompany> listedCompany(String code) {
		return companies.findById(code);
	}

	/** The day the catalog's states are computed for: today by the portal's clock (UTC). */
	public LocalDate today() {
		return LocalDate.now(clock);
	}
}
