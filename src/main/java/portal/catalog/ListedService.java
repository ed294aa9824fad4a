package portal.catalog;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * A relevant service as the catalog lists it: its descriptor key, its name and the
 * period it is offered in. Only the amendment rules here change it, and each amendment
 * registers a {@link CatalogAmended} event that saving publishes.
 */
@Table(schema = "catalog", name = "relevant_services")
public class ListedService extends AbstractAggregateRoot<ListedService> {

	private static final Pattern KEY = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

	@Id
	private final String key;

	private String name;

	private final int position;

	private final LocalDate offeredFrom;

	private LocalDate retiredFrom;

	@Version
	private Long version;

	@PersistenceCreator
	ListedService(String key, String name, int position, LocalDate offeredFrom, LocalDate retiredFrom, Long version) {
		this.key = key;
		this.name = name;
		this.position = position;
		this.offeredFrom = offeredFrom;
		this.retiredFrom = retiredFrom;
		this.version = version;
	}

	/**
	 * Lists a new relevant service, offered from a day that is not in the past.
	 *
	 * @param listed every service listed so far, retired ones included
	 * @param described whether a service kind descriptor with this key exists
	 */
	static ListedService add(String key, String name, LocalDate offeredFrom, List<ListedService> listed,
			boolean described, Amending amending) {
		if (key == null || !KEY.matcher(key).matches()) {
			throw new AmendmentRefused(Reason.KEY_MALFORMED,
					"The key '" + key + "' must be lower-case letters and digits in words joined by '-'.");
		}
		if (listed.stream().anyMatch(s -> s.key.equals(key))) {
			throw new AmendmentRefused(Reason.KEY_TAKEN, "The catalog already lists a relevant service '" + key + "'.");
		}
		if (!described) {
			throw new AmendmentRefused(Reason.NO_DESCRIPTOR,
					"There is no service kind descriptor '" + key + "'; add catalog/services/" + key + ".yml first.");
		}
		EntryName checked = EntryName.of(name).requireFreeAmong(listed.stream().map(s -> s.name).toList());
		OfferPeriod period = OfferPeriod.startingOn(offeredFrom, amending.today());
		int position = listed.stream().mapToInt(s -> s.position).max().orElse(0) + 1;
		ListedService service = new ListedService(key, checked.value(), position, period.offeredFrom(), null, null);
		service.amended(Change.ADDED, period.offeredFrom(), Map.of(), amending);
		return service;
	}

	/** Renames it from today on; the new name must be free among {@code listed}. */
	CatalogAmended rename(String newName, List<ListedService> listed, Amending amending) {
		period().requireNotRetiredOn(amending.today());
		EntryName checked = EntryName.of(newName);
		if (checked.value().equals(name)) {
			throw new AmendmentRefused(Reason.NAME_UNCHANGED, "It is already named '" + name + "'.");
		}
		checked.requireFreeAmong(listed.stream().filter(s -> !s.key.equals(key)).map(s -> s.name).toList());
		Map<String, Object> before = snapshot();
		this.name = checked.value();
		return amended(Change.RENAMED, amending.today(), before, amending);
	}

	/** Stops offering it from {@code effectiveDate}; it stays listed as retired. */
	CatalogAmended retire(LocalDate effectiveDate, Amending amending) {
		OfferPeriod retiring = period().retiringOn(effectiveDate, amending.today());
		Map<String, Object> before = snapshot();
		this.retiredFrom = retiring.retiredFrom();
		return amended(Change.RETIRED, effectiveDate, before, amending);
	}

	public String key() {
		return key;
	}

	public String name() {
		return name;
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

	RelevantService on(LocalDate day) {
		return new RelevantService(key, name, stateOn(day).offered());
	}

	private OfferPeriod period() {
		return new OfferPeriod(offeredFrom, retiredFrom);
	}

	private Map<String, Object> snapshot() {
		Map<String, Object> state = new TreeMap<>();
		state.put("name", name);
		state.put("offeredFrom", offeredFrom.toString());
		retiredFrom().ifPresent(date -> state.put("retiredFrom", date.toString()));
		return state;
	}

	private CatalogAmended amended(Change change, LocalDate effectiveDate, Map<String, Object> before,
			Amending amending) {
		return registerEvent(new CatalogAmended(Subject.RELEVANT_SERVICE, key, change, effectiveDate, amending.by(),
				amending.at(), before, snapshot()));
	}
}
