package portal.identity.web;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.audit.AuditRecord;
import portal.audit.AuditTrail;
import portal.identity.Role;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

@PortalIntegrationTest
@DisplayName("R-7.4 Who changed what, a page at a time")
class UserChangesPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	AuditTrail trail;

	@Autowired
	Tenancy tenancy;

	@Autowired
	PlatformTransactionManager transactions;

	IdentityPageFixtures fixtures;

	UUID customer;

	IdentityPageFixtures.Person admin;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
		customer = UUID.randomUUID();
		admin = fixtures.active(customer, Role.CUSTOMER_ADMINISTRATOR);
	}

	@Test
	@DisplayName("R-7.4 a change older than the 5,000 newest is still shown: on the last page, by its kind, and on its user's page")
	void reachesAChangeOlderThanTheNewestFiveThousand() throws Exception {
		record(1, "user.disabled", "CP-OLDEST");
		record(5_060, "user.contact-changed", "CP-BUSY");
		record(1, "user.removed", "CP-GONE");
		// 5,062 recorded here plus the administrator's own addition and activation: 5,064 in 102 pages of 50.
		mvc.perform(get("/app/users/changes").param("page", "101").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("CP-OLDEST"), containsString("User disabled"),
					containsString("Page 102 of 102"), containsString("aria-current=\"page\""),
					containsString("href=\"/app/users/changes?action=&amp;page=100\""), not(containsString("CP-GONE")))));
		mvc.perform(get("/app/users/changes").param("action", "user.disabled")
			.with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("CP-OLDEST"), not(containsString("CP-BUSY")),
					not(containsString("Pages of changes")))));
		mvc.perform(get("/app/users/" + admin.loginId()).with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Account activated"), not(containsString("CP-BUSY")))));
	}

	@Test
	@DisplayName("R-7.4 the first page shows the newest 50 changes and pagination links marked for assistive technology")
	void pagesNewestFirstWithAccessiblePagination() throws Exception {
		record(60, "user.roles-changed", "CP-ROLES");
		record(1, "user.enabled", "CP-NEWEST");
		mvc.perform(get("/app/users/changes").with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("CP-NEWEST"), containsString("Page 1 of 2"),
					containsString("<nav aria-label=\"Pages of changes\">"), containsString("aria-current=\"page\""),
					containsString("rel=\"next\""), containsString("href=\"/app/users/changes?action=&amp;page=1\""))));
		mvc.perform(get("/app/users/changes").param("page", "1").header("HX-Request", "true")
			.with(authentication(admin.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"changes\""), containsString("Page 2 of 2"),
					containsString("CP-ROLES"), containsString("rel=\"prev\""), not(containsString("CP-NEWEST")),
					not(containsString("<html")))));
		mvc.perform(get("/app/users/changes").param("action", "user.enabled")
			.with(authentication(admin.authentication())))
			.andExpect(content().string(allOf(containsString("CP-NEWEST"), not(containsString("CP-ROLES")))));
	}

	@Test
	@DisplayName("R-7.4 R-7.5 another customer's administrator sees none of these changes")
	void anotherCustomerSeesNone() throws Exception {
		record(3, "user.disabled", "CP-PRIVATE");
		IdentityPageFixtures.Person other = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
		mvc.perform(get("/app/users/changes").with(authentication(other.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(other.loginId()), not(containsString("CP-PRIVATE")))));
	}

	private void record(int count, String action, String target) {
		tenancy.run(Actor.user(admin.loginId()), TenantScope.customer(customer),
				() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
					for (int i = 0; i < count; i++) {
						trail.record(AuditRecord.of(action, "user", target).forCustomer(customer).with("n", i));
					}
				}));
	}
}
