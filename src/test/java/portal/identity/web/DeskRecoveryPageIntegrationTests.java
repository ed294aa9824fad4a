package portal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.audit.AuditEntry;
import portal.audit.AuditHistory;
import portal.audit.AuditSelection;
import portal.identity.Role;
import portal.identity.UserAdministration;
import portal.identity.lostcredentials.LostCredentials;
import portal.identity.lostcredentials.LostReport;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

@PortalIntegrationTest
@DisplayName("R-6.4 The desk's recovery pages")
class DeskRecoveryPageIntegrationTests {

	private static final List<String> DESK_ACTIONS = List.of("lost-credentials.verified",
			"lost-credentials.access-restored", "lost-credentials.closed");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	LostCredentials lost;

	@Autowired
	AuditHistory history;

	@Autowired
	UserAdministration administration;

	@Autowired
	Tenancy tenancy;

	IdentityPageFixtures fixtures;

	IdentityPageFixtures.Person desk;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
		desk = fixtures.staff(Role.STAFF_DESK);
	}

	@Test
	@DisplayName("R-6.4 R-AUD a customer's sole administrator is verified with a method and note, reactivated after a confirmation, each step audited")
	void restoresTheSoleAdministrator() throws Exception {
		UUID customer = UUID.randomUUID();
		IdentityPageFixtures.Person admin = fixtures.active(customer, Role.CUSTOMER_ADMINISTRATOR);
		String report = reportLost(admin);

		mvc.perform(get("/console/lost-credentials").with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("href=\"/console/lost-credentials/" + report + "\"")));
		mvc.perform(get("/console/lost-credentials/" + report).with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Verify the person out of band"),
					containsString("Called back on the telephone number on file"),
					containsString("Verify the person first"), not(containsString("/restoration\"")),
					not(containsString("??")))));

		mvc.perform(post("/console/lost-credentials/" + report + "/verification").with(csrf())
			.with(authentication(desk.authentication())).param("method", "call-back")
			.param("note", "Rang the number on file; the person named the last order"))
			.andExpect(redirectedUrl("/console/lost-credentials/" + report))
			.andExpect(flash().attribute("done", "identity.page.desk.done.verified"));
		mvc.perform(get("/console/lost-credentials/" + report + "/restoration")
			.with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Issue a fresh activation to " + admin.loginId() + "?"),
					containsString("action=\"/console/lost-credentials/" + report + "/restoration\""))));
		mvc.perform(post("/console/lost-credentials/" + report + "/restoration").with(csrf())
			.with(authentication(desk.authentication())))
			.andExpect(redirectedUrl("/console/lost-credentials/" + report))
			.andExpect(flash().attribute("done", "identity.page.desk.done.restored"));

		assertThat(state(customer, admin)).isEqualTo("pending-activation");
		assertThat(fixtures.activationToken(admin.view().email())).isNotBlank();
		List<AuditEntry> audited = deskEntries(admin.loginId());
		assertThat(audited).extracting(AuditEntry::action)
			.containsExactly("lost-credentials.access-restored", "lost-credentials.verified");
		assertThat(audited).extracting(AuditEntry::actor).containsOnly(desk.loginId());
		assertThat(audited.get(1).details().get("verification"))
			.isEqualTo("call-back: Rang the number on file; the person named the last order");
	}

	@Test
	@DisplayName("R-6.4 a staff member reported lost is restored by the desk in the same way")
	void restoresAStaffMember() throws Exception {
		IdentityPageFixtures.Person staff = fixtures.staff(Role.STAFF_ADMIN);
		String report = reportLost(staff);
		mvc.perform(post("/console/lost-credentials/" + report + "/verification").with(csrf())
			.with(authentication(desk.authentication())).param("method", "in-person").param("note", ""))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/console/lost-credentials/" + report + "/restoration").with(csrf())
			.with(authentication(desk.authentication())))
			.andExpect(redirectedUrl("/console/lost-credentials/" + report));
		assertThat(deskEntries(staff.loginId())).extracting(AuditEntry::action)
			.containsExactly("lost-credentials.access-restored", "lost-credentials.verified");
		assertThat(deskEntries(staff.loginId()).get(1).details().get("verification")).isEqualTo("in-person");
	}

	@Test
	@DisplayName("R-6.4 bad verification input is shown beside its field, and nothing is recorded")
	void refusesVerificationWithoutMethodOrNote() throws Exception {
		IdentityPageFixtures.Person user = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		String report = reportLost(user);
		mvc.perform(post("/console/lost-credentials/" + report + "/verification").with(csrf())
			.with(authentication(desk.authentication())).param("method", "").param("note", "x"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Choose how you verified the person."),
					containsString("aria-describedby=\"verify-method-error\""))));
		mvc.perform(post("/console/lost-credentials/" + report + "/verification").with(csrf())
			.with(authentication(desk.authentication())).param("method", "other").param("note", " "))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("in at most 460 characters"),
					containsString("verify-note-error"))));
		mvc.perform(post("/console/lost-credentials/" + report + "/restoration").with(csrf())
			.with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Record how you verified the person before restoring access.")));
		assertThat(deskEntries(user.loginId())).isEmpty();
	}

	@Test
	@DisplayName("R-6.4 R-AUD the desk closes a report that needs nothing more; a closed report takes no further step")
	void closesAReport() throws Exception {
		IdentityPageFixtures.Person user = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_VIEWER);
		String report = reportLost(user);
		mvc.perform(post("/console/lost-credentials/" + report + "/closure").with(csrf())
			.with(authentication(desk.authentication())))
			.andExpect(redirectedUrl("/console/lost-credentials/" + report))
			.andExpect(flash().attribute("done", "identity.page.desk.done.closed"));
		mvc.perform(get("/console/lost-credentials/" + report).with(authentication(desk.authentication())))
			.andExpect(content().string(allOf(containsString("text-bg-secondary"),
					not(containsString("Verify the person out of band")), not(containsString("/closure\"")))));
		mvc.perform(post("/console/lost-credentials/" + report + "/verification").with(csrf())
			.with(authentication(desk.authentication())).param("method", "call-back"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This report is already closed.")));
		assertThat(deskEntries(user.loginId())).extracting(AuditEntry::action).containsExactly("lost-credentials.closed");
	}

	@Test
	@DisplayName("R-6.4 R-7.5 only desk staff and staff administrators reach the recovery pages")
	void othersAreRefused() throws Exception {
		IdentityPageFixtures.Person user = fixtures.active(UUID.randomUUID(), Role.CUSTOMER_ADMINISTRATOR);
		String report = reportLost(user);
		IdentityPageFixtures.Person manager = fixtures.staff(Role.STAFF_SERVICE_MANAGER);
		mvc.perform(get("/console/lost-credentials/" + report).with(authentication(manager.authentication())))
			.andExpect(status().isForbidden());
		mvc.perform(post("/console/lost-credentials/" + report + "/closure").with(csrf())
			.with(authentication(user.authentication())))
			.andExpect(status().isForbidden());
		mvc.perform(get("/console/lost-credentials/" + UUID.randomUUID()).with(authentication(desk.authentication())))
			.andExpect(status().isNotFound());
		mvc.perform(get("/console/lost-credentials/" + report).param("lang", "ja")
			.with(authentication(desk.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("ポータル外で本人確認する"), not(containsString("??")))));
	}

	private String reportLost(IdentityPageFixtures.Person person) {
		UUID customer = person.view().customerId();
		if (customer == null) {
			lost.reportAnonymously(person.loginId(), person.view().email());
		}
		else {
			tenancy.run(Actor.user(person.loginId()), TenantScope.customer(customer),
					() -> lost.report(customer, person.loginId()));
		}
		List<LostReport> open = tenancy.call(Actor.staff("ST0000000"), TenantScope.allCustomers(), lost::open);
		return open.stream()
			.filter(report -> report.loginId().equals(person.loginId()) && report.open())
			.findFirst()
			.orElseThrow()
			.id()
			.toString();
	}

	private List<AuditEntry> deskEntries(String loginId) {
		return tenancy.call(Actor.staff("ST0000000"), TenantScope.allCustomers(),
				() -> history.select(AuditSelection.about("user", loginId, DESK_ACTIONS, 0, 10)).entries());
	}

	private String state(UUID customer, IdentityPageFixtures.Person person) {
		return tenancy.call(Actor.staff("ST0000000"), TenantScope.system(),
				() -> administration.user(customer, person.loginId()).state());
	}
}
