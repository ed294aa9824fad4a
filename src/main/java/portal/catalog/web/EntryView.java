package portal.catalog.web;

import java.time.LocalDate;

import portal.catalog.ListedCompany;
import portal.catalog.ListedService;
import portal.catalog.OfferState;

/**
 * A catalog entry as the console shows it. {@code list} is the URL segment of its list,
 * {@code country} is empty for services, {@code retiredFrom} null until retirement is set.
 */
record EntryView(String list, String key, String name, String country, boolean affiliate, OfferState state,
		LocalDate offeredFrom, LocalDate retiredFrom) {

	static final String SERVICES = "relevant-services";

	static final String COMPANIES = "contracting-companies";

	static EntryView of(ListedService service, LocalDate today) {
		return new EntryView(SERVICES, service.key(), service.name(), "", false, service.stateOn(today),
				service.offeredFrom(), service.retiredFrom().orElse(null));
	}

	static EntryView of(ListedCompany company, LocalDate today) {
		return new EntryView(COMPANIES, company.code(), company.name(), company.country(), company.affiliate(),
				company.stateOn(today), company.offeredFrom(), company.retiredFrom().orElse(null));
	}

	/** The Company itself is never retired; a retirement is set only once. */
	public boolean retirable() {
		return retiredFrom == null && (affiliate || SERVICES.equals(list));
	}

	public boolean renamable() {
		return state != OfferState.RETIRED;
	}
}
