package portal.catalog;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Supplier;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.catalog.AmendmentRefused.Reason;
import portal.catalog.events.CatalogAmended;
import portal.catalog.events.CatalogAmended.Subject;
import portal.platform.Tenancy;

/**
 * How staff amend the catalog: add, rename and retire relevant services and
 * contracting companies. Each amendment is checked by the entry's rules, attributed to the
 * current actor, kept in the history and audited, all in one transaction; a refused one
 * writes nothing.
 */
@Service
public class CatalogAmendments {

	/** The most amendments one read of the history returns. */
	public static final int MAX_HISTORY = 500;

	private final ListedServices services;

	private final ListedCompanies companies;

	private final Amendments amendments;

	private final ServiceKindDescriptors descriptors;

	private final Tenancy tenancy;

	private final Clock clock;

	CatalogAmendments(ListedServices services, ListedCompanies companies, Amendments amendments,
			ServiceKindDescriptors descriptors, Tenancy tenancy, Clock clock) {
		this.services = services;
		this.companies = companies;
		this.amendments = amendments;
		this.descriptors = descriptors;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** Lists a relevant service that has a service kind descriptor, offered from {@code offeredFrom}. */
	@Transactional
	public ListedService addService(String key, String name, LocalDate offeredFrom) {
		ListedService added = ListedService.add(key, name, offeredFrom, services.findAllByOrderByPosition(),
				descriptors.find(key).isPresent(), amending());
		return saving(() -> services.save(added));
	}

	@Transactional
	public CatalogAmended renameService(String key, String name) {
		ListedService service = service(key);
		CatalogAmended renamed = service.rename(name, services.findAllByOrderByPosition(), amending());
		saving(() -> services.save(service));
		return renamed;
	}

	@Transactional
	public CatalogAmended retireService(String key, LocalDate effectiveDate) {
		ListedService service = service(key);
		CatalogAmended retired = service.retire(effectiveDate, amending());
		saving(() -> services.save(service));
		return retired;
	}

	/** Lists an affiliate in a country (ISO 3166-1 alpha-2), offered from {@code offeredFrom}. */
	@Transactional
	public ListedCompany addAffiliate(String code, String name, String country, LocalDate offeredFrom) {
		ListedCompany added = ListedCompany.addAffiliate(code, name, country, offeredFrom,
				companies.findAllByOrderByPosition(), amending());
		return saving(() -> companies.save(added));
	}

	@Transactional
	public CatalogAmended renameCompany(String code, String name) {
		ListedCompany company = company(code);
		CatalogAmended renamed = company.rename(name, companies.findAllByOrderByPosition(), amending());
		saving(() -> companies.save(company));
		return renamed;
	}

	@Transactional
	public CatalogAmended retireCompany(String code, LocalDate effectiveDate) {
		ListedCompany company = company(code);
		CatalogAmended retired = company.retire(effectiveDate, amending());
		saving(() -> companies.save(company));
		return retired;
	}

	/**
	 * Checks a retirement by the same rules without making it, so that people confirm
	 * only a retirement that can be made.
	 */
	@Transactional(readOnly = true)
	public void checkServiceRetirement(String key, LocalDate effectiveDate) {
		service(key).retire(effectiveDate, amending());
	}

	@Transactional(readOnly = true)
	public void checkCompanyRetirement(String code, LocalDate effectiveDate) {
		company(code).retire(effectiveDate, amending());
	}

	/** The newest amendments first, at most {@code limit} (1 to {@value #MAX_HISTORY}). */
	@Transactional(readOnly = true)
	public List<Amendment> history(int limit) {
		if (limit < 1 || limit > MAX_HISTORY) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_HISTORY);
		}
		return amendments.newestFirst(limit);
	}

	/** One entry's amendments, newest first. */
	@Transactional(readOnly = true)
	public List<Amendment> history(Subject subject, String key) {
		return amendments.of(subject, key);
	}

	private ListedService service(String key) {
		return services.findById(key).orElseThrow(() -> UnknownCatalogEntry.service(key));
	}

	private ListedCompany company(String code) {
		return companies.findById(code).orElseThrow(() -> UnknownCatalogEntry.company(code));
	}

	private Amending amending() {
		// The catalog is the whole group's: staff limited to one affiliate read it but do not amend it.
		if (!tenancy.scope().seesEveryCustomer()) {
			throw new AmendmentRefused(Reason.COMPANY_STAFF_ONLY, "Only the Company's own staff amend the catalog.");
		}
		return new Amending(tenancy.actor().id(), clock.instant(), LocalDate.now(clock));
	}

	// The rules read the list before writing; a concurrent amendment can still slip in between,
	// and the database's unique indexes and version column turn that into a refusal.
	private static <T> T saving(Supplier<T> save) {
		try {
			return save.get();
		}
		catch (DuplicateKeyException | OptimisticLockingFailureException concurrent) {
			throw new AmendmentRefused(Reason.AMENDED_MEANWHILE,
					"Someone amended the catalog at the same time; reload it and try again.");
		}
	}
}
