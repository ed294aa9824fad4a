package portal.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.domain.AbstractAggregateRoot;
import org.springframework.data.relational.core.mapping.Table;
import portal.catalog.AmendmentRefused.Reason;
import portal.catalog.events.CatalogAmended;
import portal.catalog.events.CatalogAmended.Change;
import portal.catalog.events.CatalogAmended.Subject;

/**
 * A company customers contract relevant services with, as the catalog lists it:
 * the Company itself, listed once and never retired, or an Affiliate with its country.
 * Only the amendment rules here change it, and each amendment registers a
 * {@link CatalogAmended} event that saving publishes.
 */
@Table(schema = "catalog", name = "contracting_companies")
public class ListedCompany extends AbstractAggregateRoot<ListedCompany> {

	private static final Pattern CODE = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

	private static final Set<String> COUNTRIES = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA2));

	@Id
	private final String code;

	private String name;

	private final String country;

	private final boolean affiliate;

	private final int position;

	private final LocalDate offeredFrom;

	private LocalDate retiredFrom;

	@Version
	private Long version;

	@PersistenceCreator
	ListedCompany(String code, String name, String country, boolean affiliate, int position, LocalDate offeredFrom,
			LocalDate retiredFrom, Long version) {
		this.code = code;
		this.name = name;
		this.country = country;
		this.affiliate = affiliate;
		this.position = position;
		this.offeredFrom = offeredFrom;
		this.retiredFrom = retiredFrom;
		this.version = version;
	}

	/**
	 * Lists a new affiliate in a country (ISO 3166-1 alpha-2), offered from a day that is
	 * not in the past. The Company itself is listed by the schema, never added.
	 *
	 * @param listed every company listed so far, retired ones included
	 */
	static ListedCompany addAffiliate(String code, String name, String country, LocalDate offeredFrom,
			List<ListedCompany> listed, Amending amending) {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new AmendmentRefused(Reason.KEY_MALFORMED,
					"The code '" + code + "' must be upper-case letters and digits in words joined by '-'.");
		}
		if (listed.stream().anyMatch(c -> c.code.equals(code))) {
			throw new AmendmentRefused(Reason.KEY_TAKEN, "The catalog already lists a contracting company '" + code + "'.");
		}
		if (country == null || !COUNTRIES.contains(country)) {
			throw new AmendmentRefused(Reason.UNKNOWN_COUNTRY,
					"'" + country + "' is not an ISO 3166-1 alpha-2 country code such as JP or GB.");
		}
		EntryName checked = EntryName.of(name).requireFreeAmong(listed.stream().map(c -> c.name).toList());
		OfferPeriod period = OfferPeriod.startingOn(offeredFrom, amending.today());
		int position = listed.stream().mapToInt(c -> c.position).max().orElse(0) + 1;
		ListedCompany company = new ListedCompany(code, checked.value(), country, true, position, period.offeredFrom(),
				null, null);
		company.amended(Change.ADDED, period.offeredFrom(), Map.of(), amending);
		return company;
	}

	/** Renames it from today on; the new name must be free among {@code listed}. */
	CatalogAmended rename(String newName, List<ListedCompany> listed, Amending amending) {
		period().requireNotRetiredOn(amending.today());
		EntryName checked = EntryName.of(newName);
		if (checked.value().equals(name)) {
			throw new AmendmentRefused(Reason.NAME_UNCHANGED, "It is already named '" + name + "'.");
		}
		checked.requireFreeAmong(listed.stream().filter(c -> !c.code.equals(code)).map(c -> c.name).toList());
		Map<String, Object> before = snapshot();
		this.name = checked.value();
		return amended(Change.RENAMED, amending.today(), before, amending);
	}

	/** Stops offering contracts with this affiliate from {@code effectiveDate}; it stays listed as retired. */
	CatalogAmended retire(LocalDate effectiveDate, Amending amending) {
		if (!affiliate) {
			throw new AmendmentRefused(Reason.COMPANY_ITSELF, "The Company itself cannot be retired from the catalog.");
		}
		OfferPeriod retiring = period().retiringOn(effectiveDate, amending.today());
		Map<String, Object> before = snapshot();
		this.retiredFrom = retiring.retiredFrom();
		return amended(Change.RETIRED, effectiveDate, before, amending);
	}

	public String code() {
		return code;
	}

	public String name() {
		return name;
	}

	/** ISO 3166-1 alpha-2, e.g. {@code JP}. */
	public String country() {
		return country;
	}

	/** False only for the Company itself. */
	public boolean affiliate() {
		return affiliate;
	}

	public LocalDate offeredFrom() {
		return offeredFrom;
	}

	public Optional<LocalDate> retiredFrom() {
		return Optional.ofNullable(retiredFrom);
	}

	public OfferState stateOn(LocalDate day) {
		return period().stateOn(day);
	}

	int position() {
		return position;
	}

	ContractingCompany on(LocalDate day) {
		return new ContractingCompany(code, name, country, affiliate, stateOn(day).offered());
	}

	private OfferPeriod period() {
		return new OfferPeriod(offeredFrom, retiredFrom);
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> state = new TreeMap<>();
		state.put("name", name);
		state.put("country", country);
		state.put("affiliate", affiliate);
		state.put("offeredFrom", offeredFrom.toString());
		retiredFrom().ifPresent(date -> state.put("retiredFrom", date.toString()));
		return state;
	}

	private CatalogAmended amended(Change change, LocalDate effectiveDate, Map<String, Object> before,
			Amending amending) {
		return registerEvent(new CatalogAmended(Subject.CONTRACTING_COMPANY, code, change, effectiveDate, amending.by(),
				amending.at(), before, snapshot()));
	}
}
