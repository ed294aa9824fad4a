package portal.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import portal.catalog.AmendmentRefused.Reason;
import portal.catalog.events.CatalogAmended;
import portal.catalog.events.CatalogAmended.Change;
import portal.catalog.events.CatalogAmended.Subject;

@DisplayName("R-4.1 The amendment rules of catalog entries")
class CatalogRulesTests {

	static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

	static final Amending AMENDING = new Amending("ST-SM-1", Instant.parse("2026-12-01T09:30:00Z"), TODAY);

	static ListedService service(String key, String name) {
		return new ListedService(key, name, 1, TODAY.minusYears(1), null, 0L);
	}

	static ListedCompany affiliate(String code, String name) {
		return new ListedCompany(code, name, "GB", true, 1, TODAY.minusYears(1), null, 0L);
	}

	@Test
	@DisplayName("R-4.1 a rename keeps who, when, the effective date and the name before and after")
	void renameRecordsBeforeAndAfter() {
		ListedService service = service("home5g", "home5G");

		CatalogAmended renamed = service.rename("  home 5G  ", List.of(service), AMENDING);

		assertThat(service.name()).isEqualTo("home 5G");
		assertThat(renamed.subject()).isEqualTo(Subject.RELEVANT_SERVICE);
		assertThat(renamed.change()).isEqualTo(Change.RENAMED);
		assertThat(renamed.effectiveDate()).isEqualTo(TODAY);
		assertThat(renamed.amendedBy()).isEqualTo("ST-SM-1");
		assertThat(renamed.amendedAt()).isEqualTo(AMENDING.at());
		assertThat(renamed.before()).containsEntry("name", "home5G");
		assertThat(renamed.after()).containsEntry("name", "home 5G");
		assertThat(renamed.auditRecord().action()).isEqualTo("catalog.relevant-service.renamed");
		assertThat(renamed.auditRecord().targetId()).isEqualTo("home5g");
	}

	@Test
	@DisplayName("R-4.1 a name may not be blank, another entry's in any letter case, or unchanged")
	void refusesBadNames() {
		ListedService home = service("home5g", "home5G");
		ListedService office = service("office-link", "Office link");
		List<ListedService> listed = List.of(home, office);

		assertRefused(() -> home.rename("   ", listed, AMENDING), Reason.BLANK_NAME);
		assertRefused(() -> home.rename("OFFICE LINK", listed, AMENDING), Reason.NAME_TAKEN);
		assertRefused(() -> home.rename("home5G", listed, AMENDING), Reason.NAME_UNCHANGED);
		assertRefused(() -> home.rename("x".repeat(201), listed, AMENDING), Reason.NAME_TOO_LONG);
		assertThat(home.name()).isEqualTo("home5G");
	}

	@Test
	@DisplayName("R-4.1 changing only the letter case of its own name is a rename")
	void letterCaseOfOwnNameMayChange() {
		ListedService office = service("office-link", "Office link");

		office.rename("Office Link", List.of(office), AMENDING);

		assertThat(office.name()).isEqualTo("Office Link");
	}

	@Test
	@DisplayName("R-4.1 retiring sets the first day not offered, keeps the entry, and is refused a second time")
	void retiresOnce() {
		ListedService service = service("nexcenter", "Nexcenter");
		LocalDate from = TODAY.plusDays(30);

		CatalogAmended retired = service.retire(from, AMENDING);

		assertThat(retired.effectiveDate()).isEqualTo(from);
		assertThat(retired.before()).doesNotContainKey("retiredFrom");
		assertThat(retired.after()).containsEntry("retiredFrom", from.toString());
		assertThat(service.stateOn(TODAY)).isEqualTo(OfferState.RETIRING);
		assertThat(service.on(TODAY).active()).isTrue();
		assertThat(service.stateOn(from)).isEqualTo(OfferState.RETIRED);
		assertThat(service.on(from).active()).isFalse();
		assertRefused(() -> service.retire(from.plusDays(1), AMENDING), Reason.ALREADY_RETIRED);
	}

	@Test
	@DisplayName("R-4.1 an effective date is never in the past; today is allowed")
	void refusesPastEffectiveDates() {
		assertRefused(() -> service("nexcenter", "Nexcenter").retire(TODAY.minusDays(1), AMENDING),
				Reason.EFFECTIVE_DATE_PAST);
		assertThat(service("nexcenter", "Nexcenter").retire(TODAY, AMENDING).effectiveDate()).isEqualTo(TODAY);
		assertRefused(() -> ListedService.add("new-service", "New", TODAY.minusDays(1), List.of(), true, AMENDING),
				Reason.EFFECTIVE_DATE_PAST);
	}

	@Test
	@DisplayName("R-4.1 an entry retired by now keeps its name")
	void retiredEntryIsNotRenamed() {
		ListedService retired = new ListedService("nexcenter", "Nexcenter", 1, TODAY.minusYears(1), TODAY, 1L);

		assertRefused(() -> retired.rename("Nexcenter 2", List.of(retired), AMENDING), Reason.RETIRED);
	}

	@Test
	@DisplayName("R-4.2 a new relevant service needs a service kind descriptor, a free key and a free name")
	void addingAServiceNeedsADescriptor() {
		List<ListedService> listed = List.of(service("home5g", "home5G"));

		assertRefused(() -> ListedService.add("new-service", "New", TODAY, listed, false, AMENDING), Reason.NO_DESCRIPTOR);
		assertRefused(() -> ListedService.add("home5g", "Other", TODAY, listed, true, AMENDING), Reason.KEY_TAKEN);
		assertRefused(() -> ListedService.add("New_Service", "New", TODAY, listed, true, AMENDING), Reason.KEY_MALFORMED);
		assertRefused(() -> ListedService.add("new-service", "HOME5G", TODAY, listed, true, AMENDING), Reason.NAME_TAKEN);

		ListedService added = ListedService.add("new-service", "New service", TODAY.plusDays(7), listed, true, AMENDING);
		assertThat(added.stateOn(TODAY)).isEqualTo(OfferState.UPCOMING);
		assertThat(added.on(TODAY).active()).isFalse();
		assertThat(added.position()).isEqualTo(2);
	}

	@Test
	@DisplayName("R-4.1 a new affiliate needs a country that ISO 3166-1 knows")
	void addingAnAffiliateNeedsACountry() {
		assertRefused(() -> ListedCompany.addAffiliate("NTT-ATLANTIS", "NTT Atlantis", "XX", TODAY, List.of(), AMENDING),
				Reason.UNKNOWN_COUNTRY);

		ListedCompany added = ListedCompany.addAffiliate("NTT-GERMANY", "NTT Germany", "DE", TODAY, List.of(), AMENDING);

		assertThat(added.on(TODAY)).isEqualTo(new ContractingCompany("NTT-GERMANY", "NTT Germany", "DE", true, true));
	}

	@Test
	@DisplayName("R-4.1 the Company itself is renamed but never retired")
	void companyItselfIsNotRetired() {
		ListedCompany company = new ListedCompany("COMPANY", "NTT DOCOMO BUSINESS, Inc.", "JP", false, 0,
				TODAY.minusYears(1), null, 0L);

		assertRefused(() -> company.retire(TODAY.plusDays(1), AMENDING), Reason.COMPANY_ITSELF);
		assertThat(company.rename("NTT DOCOMO BUSINESS, Inc. (new)", List.of(company), AMENDING).after())
			.containsEntry("name", "NTT DOCOMO BUSINESS, Inc. (new)").containsEntry("affiliate", false);
	}

	@Test
	@DisplayName("R-4.1 an affiliate is retired no earlier than it is offered")
	void retirementNotBeforeOffer() {
		ListedCompany upcoming = new ListedCompany("NTT-GERMANY", "NTT Germany", "DE", true, 1, TODAY.plusDays(10), null, 0L);

		assertRefused(() -> upcoming.retire(TODAY.plusDays(5), AMENDING), Reason.EFFECTIVE_DATE_BEFORE_OFFER);
		assertThat(affiliate("NTT-EUROPE", "NTT Europe Ltd.").retire(TODAY.plusDays(5), AMENDING).before())
			.isEqualTo(Map.of("name", "NTT Europe Ltd.", "country", "GB", "affiliate", true,
					"offeredFrom", TODAY.minusYears(1).toString()));
	}

	private static void assertRefused(Runnable amendment, Reason reason) {
		assertThatThrownBy(amendment::run).isInstanceOfSatisfying(AmendmentRefused.class, refused -> {
			assertThat(refused.reason()).isEqualTo(reason);
			assertThat(refused.problemType()).isEqualTo(reason.slug());
		});
	}
}
