package portal.agreements;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;
import portal.agreements.desk.ApplicationDesk;
import portal.agreements.desk.Receipt;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.customers.inventory.ContractFeed;
import portal.identity.PortalUser;
import portal.identity.Role;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.terms.Terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("R-4.3 R-5.1 R-8.1 R-11.1 The agreements pages, in English and Japanese")
class AgreementPagesIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationDesk desk;

	@Autowired
	ContractFeed contracts;

	@Autowired
	Customers customers;

	@Autowired
	AgreementLifecycle lifecycle;

	@Autowired
	Tenancy tenancy;

	@Autowired
	Terms terms;

	AgreementFixtures fixtures;

	@BeforeEach
	void setUp() {
		fixtures = new AgreementFixtures(desk, contracts, tenancy);
	}

	@Test
	@DisplayName("R-4.3 the application form is complete in both languages and shows a bad field's message beside it")
	void applicationForm() throws Exception {
		mvc.perform(get("/apply")).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"apply-form\""), not(containsString("??")))));
		mvc.perform(get("/apply").cookie(new Cookie("portal-lang", "ja"))).andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("申し込む"), not(containsString("??")))));
		mvc.perform(get("/portal-page/apply")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/apply").with(csrf()).param("legalName", "Form Co").param("registeredAddress", "1 Street")
			.param("country", "JP").param("contactName", "C").param("contactEmail", "c@example.com")
			.param("contactPhone", "+81 3 1234 5678").param("contractNumbers", "  "))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"f-contractNumbers-error\""),
					containsString("Name at least one relevant-service contract"))));
		String name = fixtures.legalName("Form Works");
		String contract = fixtures.unlinkedContract("form", name);
		mvc.perform(post("/apply").with(csrf()).param("legalName", name).param("registeredAddress", "1 Street")
			.param("country", "JP").param("contactName", "C").param("contactEmail", "c-" + fixtures.run + "@example.com")
			.param("contactPhone", "+81 3 1234 5678").param("contractNumbers", contract).param("adminName", "A")
			.param("adminEmail", "a-" + fixtures.run + "@example.com").param("adminPhone", "+81 3 1234 5678")
			.param("consentConfirmed", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"receipt\"")));
	}

	@Test
	@DisplayName("R-4.3 ASVS 14.2.1 the state of an application is shown for its code sent in the body, never read from the address")
	void applicationStatusByCode() throws Exception {
		String name = fixtures.legalName("Status Works");
		String contract = fixtures.unlinkedContract("status", name);
		String applied = mvc.perform(post("/apply").with(csrf()).param("legalName", name).param("registeredAddress", "1 Street")
			.param("country", "JP").param("contactName", "C").param("contactEmail", "s-" + fixtures.run + "@example.com")
			.param("contactPhone", "+81 3 1234 5678").param("contractNumbers", contract).param("adminName", "A")
			.param("adminEmail", "sa-" + fixtures.run + "@example.com").param("adminPhone", "+81 3 1234 5678")
			.param("consentConfirmed", "true"))
			.andExpect(status().isOk())
			.andReturn().getResponse().getContentAsString();
		java.util.regex.Matcher link = java.util.regex.Pattern
			.compile("id=\"status-link\" href=\"/apply/status/(\\d+)#([^\"]+)\"").matcher(applied);
		assertThat(link.find()).as("the receipt's link carries its code after #: " + applied).isTrue();
		String receiptNo = link.group(1);
		String code = link.group(2);

		// A code in the query string is not read: the page asks for it instead.
		mvc.perform(get("/apply/status/{no}", receiptNo).param("token", code))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"status-entry\""),
					containsString("data-fragment-field=\"token\""), not(containsString("application-state")),
					not(containsString(code)))));
		mvc.perform(get("/apply/status/{no}", receiptNo).cookie(new Cookie("portal-lang", "ja")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("確認コード"), not(containsString("??")))));
		mvc.perform(post("/apply/status/{no}", receiptNo).with(csrf()).param("token", code))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"application-state\"")));
		mvc.perform(post("/apply/status/{no}", receiptNo).with(csrf()).param("token", "not-the-code"))
			.andExpect(status().isNotFound())
			.andExpect(content().string(allOf(containsString("id=\"status-code-error\""),
					containsString("does not go with this receipt number"), not(containsString("application-state")))));
		mvc.perform(post("/apply/status/{no}", receiptNo).with(csrf()).param("token", " "))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Enter the status code")));
	}

	@Test
	@DisplayName("R-5.1 R-5.2 the desk's queue and an application with its evidence; the older one is named; accepting asks to confirm first")
	void deskPages() throws Exception {
		fixtures.clearQueue();
		String name = fixtures.legalName("Desk Page");
		Receipt older = fixtures.submit(AgreementFixtures.applicant(name, "dp1-" + fixtures.run + "@example.com",
				List.of(fixtures.unlinkedContract("dp1", name))));
		Receipt newer = fixtures.submit(AgreementFixtures.applicant(name, "dp2-" + fixtures.run + "@example.com",
				List.of(fixtures.unlinkedContract("dp2", name))));
		mvc.perform(get("/console/applications").with(authentication(AgreementFixtures.DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(name), not(containsString("??")))));
		mvc.perform(get("/console/applications/{no}", newer.receiptNo()).with(authentication(AgreementFixtures.DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"evidence\""), containsString("id=\"older-pending\""))));
		mvc.perform(post("/console/applications/{no}/acceptance", newer.receiptNo()).param("confirmed", "true")
			.with(csrf()).with(authentication(AgreementFixtures.DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"accept-refused\"")));
		mvc.perform(post("/console/applications/{no}/acceptance", older.receiptNo()).with(csrf())
			.with(authentication(AgreementFixtures.DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"accept-confirmation\"")));
		mvc.perform(get("/console/applications/{no}", older.receiptNo()).with(authentication(AgreementFixtures.DESK)))
			.andExpect(content().string(containsString("id=\"accept\"")));
		mvc.perform(post("/console/applications/{no}/acceptance", older.receiptNo()).param("confirmed", "true")
			.with(csrf()).with(authentication(AgreementFixtures.DESK)))
			.andExpect(status().is3xxRedirection());
		fixtures.clearQueue();
	}

	@Test
	@DisplayName("R-11.1 R-8.1 the suspensions page, the customer's agreement page and the console's agreement fragment")
	void lifecyclePages() throws Exception {
		CustomerSummary customer = tenancy.call(Actor.job("test"), TenantScope.system(), () -> {
			CustomerSummary c = customers.register("Page Co " + fixtures.run, "JP", "1 Street");
			lifecycle.conclude(c.id(), null);
			return c;
		});
		mvc.perform(get("/console/suspensions").with(authentication(AgreementFixtures.SERVICE_MANAGER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"suspension-form\""), not(containsString("??")))));
		mvc.perform(post("/console/suspensions").with(csrf()).with(authentication(AgreementFixtures.SERVICE_MANAGER))
			.param("customer", customer.code()).param("scope", "whole").param("reason", "art-11.1-1")
			.param("kind", "planned").param("start", "2020-01-01T00:00"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"refusal\"")));
		mvc.perform(post("/console/suspensions").with(csrf()).with(authentication(AgreementFixtures.SERVICE_MANAGER))
			.param("customer", customer.code()).param("scope", "whole").param("reason", "art-11.1-1")
			.param("kind", "planned").param("start", "2020-01-01T00:00").param("lang", "ja"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("開始を過去にすることはできません"),
					not(containsString("cannot be in the past")))));
		Authentication administrator = administrator(customer.id());
		acceptTermsInForce(customer.id(), ((PortalUser) administrator.getPrincipal()).accountId());
		mvc.perform(get("/app/agreement").with(authentication(administrator)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"timeline\""), containsString("id=\"termination-form\""),
					not(containsString("??")))));
		mvc.perform(get("/app/agreement").with(authentication(administrator)).cookie(new Cookie("portal-lang", "ja")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("ポータル契約"), not(containsString("??")))));
		// Refusals read in the person's language, never as the API's English message.
		mvc.perform(post("/app/agreement/termination-request").with(csrf()).with(authentication(administrator))
			.cookie(new Cookie("portal-lang", "ja")).param("effectiveDate", "31/03/2027"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"refusal\""), containsString("2027-03-31 のように入力してください"),
					not(containsString("give a date such as")))));
		mvc.perform(post("/app/agreement/termination-request/withdrawal").with(csrf()).with(authentication(administrator))
			.cookie(new Cookie("portal-lang", "ja")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("取り下げられる解約の申し出はありません"),
					not(containsString("There is no termination request")))));
		mvc.perform(get("/console/customers/{code}/agreement", customer.code()).header("HX-Request", "true")
			.with(authentication(AgreementFixtures.DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"agreement-details\""), not(containsString("<html")))));
		mvc.perform(get("/console/customers/{code}/agreement", customer.code()).with(authentication(AgreementFixtures.DESK)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<html")));
	}

	/** The personal-information terms in force are accepted first, as at any real sign-in. */
	private void acceptTermsInForce(UUID customer, UUID account) {
		tenancy.call(Actor.job("test"), TenantScope.system(), () -> {
			terms.pendingAcceptance(account)
				.ifPresent(version -> terms.recordAcceptance(customer, account, version.kind(), version.version()));
			return null;
		});
	}

	static Authentication administrator(UUID customer) {
		PortalUser user = new PortalUser(UUID.randomUUID(), "CP90000001", false, customer, null, "Admin",
				Set.of(Role.CUSTOMER_ADMINISTRATOR), List.of(), List.of(), false);
		return UsernamePasswordAuthenticationToken.authenticated(user, null,
				AuthorityUtils.createAuthorityList("ROLE_CUSTOMER", "ROLE_CUSTOMER_ADMINISTRATOR"));
	}
}
