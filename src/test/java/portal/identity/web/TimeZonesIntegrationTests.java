package portal.identity.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;
import portal.PortalIntegrationTest;
import portal.agreements.lifecycle.AgreementLifecycle;
import portal.agreements.lifecycle.Suspension;
import portal.customers.CustomerSummary;
import portal.customers.Customers;
import portal.identity.Role;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;
import portal.identity.accounts.IdentityMails;
import portal.identity.profile.TimeZoneSettings;
import portal.notices.EmailOutbox;
import portal.notices.Inbox;
import portal.notices.OutboxMail;
import portal.notices.InboxEntry;
import portal.notices.events.NoticeRequested;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.web.TimeZones;

@PortalIntegrationTest
@DisplayName("Times in each person's zone: profile setting, browser zone, UTC")
class TimeZonesIntegrationTests {

	static final Instant MIDNIGHT_UTC = Instant.parse("2026-12-01T00:00:00Z");

	@Autowired
	MockMvc mvc;

	@Autowired
	ApplicationContext context;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	@Autowired
	Tenancy tenancy;

	@Autowired
	Inbox inbox;

	@Autowired
	TimeZoneSettings timeZones;

	@Autowired
	Customers customers;

	IdentityPageFixtures fixtures;

	UUID customer;

	IdentityPageFixtures.Person tokyo;

	IdentityPageFixtures.Person utc;

	@BeforeEach
	void setUp() {
		fixtures = IdentityPageFixtures.from(context);
		customer = UUID.randomUUID();
		tokyo = fixtures.active(customer, Role.CUSTOMER_VIEWER);
		utc = fixtures.active(customer, Role.CUSTOMER_VIEWER);
	}

	@Test
	@DisplayName("R-2.3 a user who chose Asia/Tokyo reads a notice's 00:00 UTC as 09:00 JST, in its window and its text; a UTC user reads 00:00 UTC")
	void noticePageInEachReadersZone() throws Exception {
		mvc.perform(post("/app/profile/time-zone").with(csrf()).with(authentication(tokyo.authentication()))
			.param("timeZone", "Asia/Tokyo"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("Your time zone is saved."),
					containsString("value=\"Asia/Tokyo\""), containsString("Times are shown in Asia/Tokyo (JST)."))));
		UUID notice = publishNotice();

		mvc.perform(get("/app/notices/{id}", notice).with(authentication(tokyo.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("datetime=\"2026-12-01T00:00:00Z\""),
					containsString(">1 Dec 2026, 09:00 JST</time>"),
					containsString("Work starts on 1 Dec 2026, 09:00 JST."), not(containsString("T00:00:00Z.")))));
		mvc.perform(get("/app/notices/{id}", notice).with(authentication(utc.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">1 Dec 2026, 00:00 UTC</time>"),
					containsString("Work starts on 1 Dec 2026, 00:00 UTC."), not(containsString("JST")))));
		mvc.perform(get("/app/notices/{id}", notice).with(authentication(tokyo.authentication()))
			.cookie(new Cookie("portal-lang", "ja")))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(">2026年12月1日 9:00 JST</time>"),
					containsString("作業は 2026年12月1日 9:00 JST に始まります。"))));

		// Each mail is written in its recipient's zone: a mail has no browser to ask, so no choice means UTC.
		assertThat(mailTo(tokyo.view().email(), "Maintenance")).contains("Work starts on 1 Dec 2026, 09:00 JST.")
			.contains("1 Dec 2026, 09:00 JST").doesNotContain("T00:00:00Z");
		assertThat(mailTo(utc.view().email(), "Maintenance")).contains("Work starts on 1 Dec 2026, 00:00 UTC.");
	}

	@Test
	@DisplayName("R-2.3 a reset mail states when its link expires in the zone its recipient chose, else in UTC")
	void resetMailInTheRecipientsZone() throws Exception {
		mvc.perform(post("/app/profile/time-zone").with(csrf()).with(authentication(tokyo.authentication()))
			.param("timeZone", "Asia/Tokyo"))
			.andExpect(status().isOk());
		Instant expires = Instant.parse("2026-12-01T00:00:00Z");
		for (IdentityPageFixtures.Person person : List.of(tokyo, utc)) {
			tenancy.call(Actor.job("test"), TenantScope.system(), () -> transactions.execute(status -> {
				Account account = context.getBean(Accounts.class).byId(person.user().accountId()).orElseThrow();
				context.getBean(IdentityMails.class).activation(account, "zone-test-token", expires, true);
				return null;
			}));
		}
		assertThat(mailTo(tokyo.view().email(), "Reset")).contains("expires at 1 Dec 2026, 09:00 JST.").doesNotContain("UTC");
		assertThat(mailTo(utc.view().email(), "Reset")).contains("expires at 1 Dec 2026, 00:00 UTC.");
	}

	// The body of the latest mail to the address whose subject names the given word.
	private String mailTo(String address, String subject) {
		return tenancy.call(Actor.job("test"), TenantScope.system(), () -> context.getBean(EmailOutbox.class).recent(500))
			.stream()
			.filter(mail -> mail.recipient().equals(address) && mail.subject().contains(subject))
			.map(OutboxMail::body)
			.findFirst()
			.orElseThrow();
	}

	@Test
	@DisplayName("R-2.3 without a profile setting the browser's zone from the cookie is used; an unknown zone in it is ignored")
	void browserZoneFromTheCookie() throws Exception {
		UUID notice = publishNotice();
		mvc.perform(get("/app/notices/{id}", notice).with(authentication(utc.authentication()))
			.cookie(new Cookie(TimeZones.BROWSER_COOKIE, "America%2FNew_York")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">30 Nov 2026, 19:00 EST</time>")));
		mvc.perform(get("/app/notices/{id}", notice).with(authentication(utc.authentication()))
			.cookie(new Cookie(TimeZones.BROWSER_COOKIE, "Mars%2FOlympus_Mons")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">1 Dec 2026, 00:00 UTC</time>")));
		mvc.perform(get("/app/notices/{id}", notice).with(authentication(utc.authentication()))
			.cookie(new Cookie(TimeZones.BROWSER_COOKIE, "%zz")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">1 Dec 2026, 00:00 UTC</time>")));
		// The profile's choice wins over the browser's.
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> timeZones.choose(tokyo.user(), "Asia/Tokyo"));
		mvc.perform(get("/app/notices/{id}", notice).with(authentication(tokyo.authentication()))
			.cookie(new Cookie(TimeZones.BROWSER_COOKIE, "America%2FNew_York")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">1 Dec 2026, 09:00 JST</time>")));
	}

	@Test
	@DisplayName("An unknown zone is refused beside the field on the page and as a 400 problem naming timeZone in the API; nothing stored")
	void refusesUnknownZones() throws Exception {
		mvc.perform(post("/app/profile/time-zone").with(csrf()).with(authentication(utc.authentication()))
			.param("timeZone", "Mars/Olympus_Mons"))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString("id=\"time-zone-error\""),
					containsString("Choose a time zone from the list"), containsString("aria-invalid=\"true\""),
					containsString("value=\"Mars/Olympus_Mons\""))));
		mvc.perform(patch("/api/v1/me").with(csrf()).with(authentication(utc.authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\": \"+09:00\"}"))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.fields.timeZone").exists());
		assertThat(tenancy.call(Actor.job("test"), TenantScope.system(), () -> timeZones.chosen(utc.user()))).isEmpty();

		mvc.perform(patch("/api/v1/me").with(csrf()).with(authentication(utc.authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\": \"Europe/London\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("Europe/London"))
			.andExpect(jsonPath("$.effectiveTimeZone").value("Europe/London"));
		mvc.perform(get("/api/v1/me").with(authentication(utc.authentication())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").value("Europe/London"));
		mvc.perform(patch("/api/v1/me").with(csrf()).with(authentication(utc.authentication()))
			.contentType(MediaType.APPLICATION_JSON).content("{\"timeZone\": \"\"}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.timeZone").doesNotExist());
		mvc.perform(get("/api/v1/me").with(authentication(utc.authentication()))
			.cookie(new Cookie(TimeZones.BROWSER_COOKIE, "Asia%2FSingapore")))
			.andExpect(jsonPath("$.effectiveTimeZone").value("Asia/Singapore"));
	}

	@Test
	@DisplayName("R-11.1 a datetime-local typed by staff in Asia/Tokyo is meant there: 09:00 is stored as 00:00 UTC and shown back as 09:00 JST")
	void typedTimesAreMeantInTheZone() throws Exception {
		IdentityPageFixtures.Person manager = fixtures.staff(Role.STAFF_SERVICE_MANAGER);
		CustomerSummary suspended = tenancy.call(Actor.job("test"), TenantScope.system(), () -> {
			CustomerSummary c = customers.register("Zone Co " + UUID.randomUUID().toString().substring(0, 8), "JP",
					"1 Street");
			context.getBean(AgreementLifecycle.class).conclude(c.id(), null);
			return c;
		});
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> timeZones.choose(manager.user(), "Asia/Tokyo"));
		mvc.perform(get("/console/suspensions").with(authentication(manager.authentication())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Start (Asia/Tokyo; empty: now)")));
		mvc.perform(post("/console/suspensions").with(csrf()).with(authentication(manager.authentication()))
			.param("customer", suspended.code()).param("scope", "whole").param("reason", "art-11.1-1")
			.param("kind", "planned").param("start", "2099-12-01T09:00").param("end", "2099-12-01T10:00"))
			.andExpect(status().is3xxRedirection());
		List<Suspension> all = tenancy.call(Actor.job("test"), TenantScope.system(),
				() -> context.getBean(AgreementLifecycle.class).suspensions(500));
		Suspension stored = all.stream().filter(s -> s.customerId().filter(suspended.id()::equals).isPresent())
			.findFirst().orElseThrow();
		assertThat(stored.startsAt()).isEqualTo(Instant.parse("2099-12-01T00:00:00Z"));
		assertThat(stored.endsAt()).contains(Instant.parse("2099-12-01T01:00:00Z"));
		mvc.perform(get("/console/suspensions").with(authentication(manager.authentication())))
			.andExpect(content().string(containsString(">1 Dec 2099, 09:00 JST</time>")));
	}

	/** A maintenance notice to both users, with its window and its text naming 2026-12-01T00:00:00Z. */
	private UUID publishNotice() {
		String key = "zones-test:" + UUID.randomUUID();
		NoticeRequested request = new NoticeRequested(key, Kind.MAINTENANCE,
				Audience.accounts(customer, List.of(tokyo.view().id(), utc.view().id())), "Maintenance",
				"Work starts on " + NoticeRequested.time(MIDNIGHT_UTC) + ".", "メンテナンス",
				"作業は " + NoticeRequested.time(MIDNIGHT_UTC) + " に始まります。", null, MIDNIGHT_UTC,
				MIDNIGHT_UTC.plusSeconds(3600), Set.of());
		tenancy.run(Actor.job("test"), TenantScope.system(), () -> transactions.execute(status -> {
			events.publishEvent(request);
			return null;
		}));
		// The notices module creates it after the commit, on a thread of its own.
		for (int i = 0; i < 200; i++) {
			List<InboxEntry> entries = tenancy.call(Actor.job("test"), TenantScope.system(),
					() -> inbox.entries(utc.loginId(), false, Kind.MAINTENANCE, java.util.Locale.ENGLISH, 50));
			var found = entries.stream().filter(e -> e.title().equals("Maintenance") && e.eventStart() != null
					&& e.eventStart().equals(MIDNIGHT_UTC)).findFirst();
			if (found.isPresent()) {
				return found.get().id();
			}
			try {
				Thread.sleep(50);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException(ex);
			}
		}
		throw new IllegalStateException("The notice " + key + " never reached the inbox");
	}
}
