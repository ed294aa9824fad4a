package portal.customers.systemkeys;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.catalog.Catalog;
import portal.catalog.ContractingCompany;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Issues, lists, revokes and checks the API keys of relevant-service systems. Staff of an
 * affiliate manage only their own company's keys; the Company's staff manage all.
 */
@Service
public class ServiceSystemKeys {

	private static final Logger log = LoggerFactory.getLogger(ServiceSystemKeys.class);

	private static final Duration USE_RECORDED_EVERY = Duration.ofMinutes(1);

	private final SystemKeys keys;

	private final Catalog catalog;

	private final ApplicationEventPublisher events;

	private final Tenancy tenancy;

	private final Clock clock;

	private final SecureRandom random = new SecureRandom();

	ServiceSystemKeys(SystemKeys keys, Catalog catalog, ApplicationEventPublisher events, Tenancy tenancy,
			Clock clock) {
		this.keys = keys;
		this.catalog = catalog;
		this.events = events;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	/** Issues a key for a system of an active contracting company; the token is shown this once. */
	@Transactional
	public String issue(String name, String contractingCompany) {
		return issued(name, contractingCompany).token();
	}

	@Transactional
	IssuedSystemKey issued(String name, String contractingCompany) {
		requireIssuer();
		if (catalog.company(contractingCompany).filter(ContractingCompany::active).isEmpty()) {
			throw SystemKeyRefusal.invalid("contractingCompany", "The catalog has no active contracting company "
					+ contractingCompany + ".");
		}
		SystemKeyToken token = SystemKeyToken.generate(random);
		SystemKey key = SystemKey.issue(token, name, contractingCompany, tenancy.actor(), clock.instant());
		if (!keys.insert(key)) {
			throw SystemKeyRefusal.nameTaken(name);
		}
		key.takeEvents().forEach(events::publishEvent);
		log.info("System key {} ({}) issued for {}", key.id(), name, contractingCompany);
		return new IssuedSystemKey(key.view(), token.value());
	}

	@Transactional
	void revoke(String id) {
		SystemKey key = keys.find(id).orElseThrow(SystemKeyRefusal::notFound);
		requireManageable(key.contractingCompany());
		if (key.revoke(tenancy.actor(), clock.instant())) {
			keys.saveRevocation(key);
			key.takeEvents().forEach(events::publishEvent);
			log.info("System key {} ({}) revoked", key.id(), key.name());
		}
	}

	@Transactional(readOnly = true)
	List<SystemKeyView> list() {
		return keys.list(tenancy.scope().companyCode().orElse(""));
	}

	/** The system a presented token belongs to, if it is a key in force; records the use. */
	@Transactional
	Optional<ServiceSystem> authenticate(String presented) {
		Optional<SystemKeyToken> token = SystemKeyToken.parse(presented);
		Optional<SystemKey> key = token.flatMap(t -> keys.find(t.keyId())).filter(k -> k.accepts(token.get()));
		if (key.isEmpty()) {
			log.info("Refused a system key{}", token.map(t -> " with id " + t.keyId()).orElse(" of unknown format"));
			return Optional.empty();
		}
		keys.touch(key.get().id(), clock.instant(), USE_RECORDED_EVERY);
		return Optional.of(new ServiceSystem(key.get().id(), key.get().name(), key.get().contractingCompany()));
	}

	private void requireManageable(String contractingCompany) {
		TenantScope scope = tenancy.scope();
		if (scope.seesEveryCustomer()) {
			return;
		}
		if (scope.companyCode().filter(contractingCompany::equals).isEmpty()) {
			throw SystemKeyRefusal.otherCompany();
		}
	}

	/**
	 * Only the Company's own staff issue keys: a key can link contracts to customers, and so
	 * widen what its contracting company's staff see.
	 */
	private void requireIssuer() {
		if (!tenancy.scope().seesEveryCustomer()) {
			throw SystemKeyRefusal.otherCompany();
		}
	}
}
