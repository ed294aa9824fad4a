package portal.identity.administration;

import java.util.UUID;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.identity.IdentityException;
import portal.identity.PortalUser;
import portal.identity.Role;
import portal.identity.signin.UserSessions;

/**
 * Administrators end every session at once (ASVS 7.4.5): a customer administrator those of
 * their own customer's other users, a staff administrator those of one customer's users or,
 * with the whole portal in scope, everyone's but the acting session. Each sweep is audited
 * with the number of sessions it ended.
 */
@Service
public class SessionSweeps {

	private final UserSessions sessions;

	private final Customers customers;

	private final AuditTrail audit;

	SessionSweeps(UserSessions sessions, Customers customers, AuditTrail audit) {
		this.sessions = sessions;
		this.customers = customers;
		this.audit = audit;
	}

	/** A customer administrator ends the sessions of every other user of their customer. */
	@Transactional
	public int endOwnCustomers(PortalUser admin) {
		if (admin.staff() || admin.customerId() == null || !admin.has(Role.CUSTOMER_ADMINISTRATOR)) {
			throw notAllowed();
		}
		return sweep(admin, admin.customerId(), admin.customerId());
	}

	/** A staff administrator ends the sessions of every user of the customer with this code. */
	@Transactional
	public int endCustomers(PortalUser admin, String customerCode) {
		if (!admin.staff() || !admin.has(Role.STAFF_ADMIN)) {
			throw notAllowed();
		}
		CustomerSummary customer = customers.byCode(customerCode == null ? "" : customerCode.trim())
			.orElseThrow(() -> new IdentityException("customer-not-found", HttpStatus.NOT_FOUND,
					"There is no customer with this code.", "customer"));
		return sweep(admin, customer.id(), customer.code());
	}

	// Ends the sessions of every user of the customer but the acting one's, and audits the count.
	private int sweep(PortalUser admin, UUID customerId, Object target) {
		int ended = sessions.endAllOfCustomer(customerId, admin.loginId());
		audit.record(AuditRecord.of("sessions.ended-for-customer", "customer", target)
			.forCustomer(customerId)
			.with("sessions", ended));
		return ended;
	}

	/**
	 * A staff administrator of the whole portal ends every session of every person, customers
	 * and staff alike, but the one they act from ({@code currentSessionId}, none for a token).
	 */
	@Transactional
	public int endEveryones(PortalUser admin, String currentSessionId) {
		if (!admin.staff() || !admin.has(Role.STAFF_ADMIN) || admin.companyScope() != null) {
			throw notAllowed();
		}
		int ended = sessions.endEveryoneExcept(currentSessionId);
		audit.record(AuditRecord.of("sessions.ended-for-everyone", "portal", "all").with("sessions", ended));
		return ended;
	}

	private static IdentityException notAllowed() {
		return new IdentityException("not-allowed", HttpStatus.FORBIDDEN, "Only an administrator may end these sessions.");
	}
}
