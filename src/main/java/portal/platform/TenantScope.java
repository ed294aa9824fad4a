package portal.platform;

import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Which customers' rows the current work may touch. The database enforces the
 * same scope through row-level security, so a query that forgets its filter still sees
 * nothing outside it. {@link #none()} sees nothing at all.
 */
public final class TenantScope implements java.io.Serializable {

	private static final long serialVersionUID = 1L;

	/** How wide the scope is; the names are also the values the database policies read. */
	public enum Kind {
		NONE("none"), CUSTOMER("customer"), COMPANY("company"), ALL("all"), SYSTEM("system"),
		SERVICE_SYSTEM("service-system");

		private final String setting;

		Kind(String setting) {
			this.setting = setting;
		}

		public String setting() {
			return setting;
		}
	}

	private static final TenantScope NONE = new TenantScope(Kind.NONE, null, null);
	private static final TenantScope ALL = new TenantScope(Kind.ALL, null, null);
	private static final TenantScope SYSTEM = new TenantScope(Kind.SYSTEM, null, null);

	private final Kind kind;
	private final UUID customerId;
	private final String companyCode;

	private TenantScope(Kind kind, UUID customerId, String companyCode) {
		this.kind = kind;
		this.customerId = customerId;
		this.companyCode = companyCode;
	}

	/** One customer's users: only that customer's rows. */
	public static TenantScope customer(UUID customerId) {
		return new TenantScope(Kind.CUSTOMER, Objects.requireNonNull(customerId, "customerId"), null);
	}

	/** Staff of one contracting company (an affiliate): customers with a contract with it. */
	public static TenantScope company(String companyCode) {
		if (companyCode == null || companyCode.isBlank()) {
			throw new IllegalArgumentException("A company scope needs a company code");
		}
		return new TenantScope(Kind.COMPANY, null, companyCode);
	}

	/** The Company's own staff: every customer. */
	public static TenantScope allCustomers() {
		return ALL;
	}

	/**
	 * A relevant-service system's key, bound to one contracting company: customers holding a
	 * contract with it, and of those only that company's contracts and the rows under them.
	 */
	public static TenantScope serviceSystem(String companyCode) {
		if (companyCode == null || companyCode.isBlank()) {
			throw new IllegalArgumentException("A service system's scope needs a company code");
		}
		return new TenantScope(Kind.SERVICE_SYSTEM, null, companyCode);
	}

	/** The portal's jobs, named explicitly so that nothing gets it by accident. */
	public static TenantScope system() {
		return SYSTEM;
	}

	public static TenantScope none() {
		return NONE;
	}

	public Kind kind() {
		return kind;
	}

	public Optional<UUID> customerId() {
		return Optional.ofNullable(customerId);
	}

	public Optional<String> companyCode() {
		return Optional.ofNullable(companyCode);
	}

	public boolean seesEveryCustomer() {
		return kind == Kind.ALL || kind == Kind.SYSTEM;
	}

	@Override
	public boolean equals(Object other) {
		return other instanceof TenantScope that && kind == that.kind
				&& Objects.equals(customerId, that.customerId) && Objects.equals(companyCode, that.companyCode);
	}

	@Override
	public int hashCode() {
		return Objects.hash(kind, customerId, companyCode);
	}

	@Override
	public String toString() {
		return switch (kind) {
			case CUSTOMER -> "customer:" + customerId;
			case COMPANY -> "company:" + companyCode;
			case SERVICE_SYSTEM -> "service-system:" + companyCode;
			default -> kind.setting();
		};
	}
}
