package portal.customers.inventory;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import portal.customers.events.ContractChanged;
import portal.customers.events.ContractEnded;
import portal.customers.events.ContractRecorded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("R-7.6 The rules of a relevant-service contract")
class ContractTests {

	private static final Instant NOW = Instant.parse("2026-01-10T00:00:00Z");

	private static final UUID CUSTOMER = UUID.randomUUID();

	@Test
	@DisplayName("a recorded contract registers ContractRecorded")
	void recordingRegistersEvent() {
		Contract contract = Contract.record(terms(ContractState.ACTIVE, null, "Acme"), CUSTOMER, NOW);
		assertThat(contract.takeEvents()).singleElement().isInstanceOf(ContractRecorded.class);
	}

	@Test
	@DisplayName("the same terms again change nothing and register nothing")
	void sameTermsChangeNothing() {
		Contract contract = recorded();
		assertThat(contract.apply(terms(ContractState.ACTIVE, null, "Acme"), CUSTOMER, 0, NOW)).isFalse();
		assertThat(contract.takeEvents()).isEmpty();
	}

	@Test
	@DisplayName("a report without a customer keeps the link; one naming another customer is refused")
	void linkIsKept() {
		Contract contract = recorded();
		assertThat(contract.apply(terms(ContractState.ACTIVE, null, "Acme"), null, 0, NOW)).isFalse();
		assertThat(contract.customerId()).contains(CUSTOMER);
		assertThatThrownBy(() -> contract.apply(terms(ContractState.ACTIVE, null, "Acme"), UUID.randomUUID(), 0, NOW))
			.isInstanceOf(InventoryRefusal.class).hasMessageStartingWith("customerCode:");
	}

	@Test
	@DisplayName("R-9.3 ending registers ContractChanged and ContractEnded, but not while instances are live")
	void endingNeedsNoLiveInstances() {
		Contract contract = recorded();
		ContractTerms ending = terms(ContractState.ENDED, LocalDate.parse("2025-12-31"), "Acme");
		assertThatThrownBy(() -> contract.apply(ending, null, 2, NOW))
			.isInstanceOf(InventoryRefusal.class).hasMessageContaining("2 service instance(s)");
		assertThat(contract.ended()).isFalse();
		assertThat(contract.apply(ending, null, 0, NOW)).isTrue();
		assertThat(contract.takeEvents()).hasSize(2).hasAtLeastOneElementOfType(ContractChanged.class)
			.hasAtLeastOneElementOfType(ContractEnded.class);
	}

	@Test
	@DisplayName("an ended contract does not become active again")
	void endedStaysEnded() {
		Contract contract = Contract.record(terms(ContractState.ENDED, LocalDate.parse("2025-12-31"), "Acme"), null,
				NOW);
		assertThatThrownBy(() -> contract.apply(terms(ContractState.ACTIVE, null, "Acme"), null, 0, NOW))
			.isInstanceOf(InventoryRefusal.class).hasMessageStartingWith("state:");
	}

	@Test
	@DisplayName("the relevant service of a contract does not change")
	void serviceIsFixed() {
		Contract contract = recorded();
		ContractTerms other = new ContractTerms("N-1", "nexcenter", "COMPANY", new CustomerOfRecord("Acme", ""), "",
				LocalDate.parse("2024-01-01"), null, ContractState.ACTIVE);
		assertThatThrownBy(() -> contract.apply(other, null, 0, NOW)).hasMessageStartingWith("relevantService:");
	}

	@Test
	@DisplayName("a changed customer of record is a change named in the event")
	void changesAreNamed() {
		Contract contract = recorded();
		assertThat(contract.apply(terms(ContractState.ACTIVE, null, "Acme Holdings"), null, 0, NOW)).isTrue();
		assertThat(contract.takeEvents()).singleElement().isInstanceOfSatisfying(ContractChanged.class,
				changed -> assertThat(changed.changes()).containsExactly("customerOfRecord"));
	}

	@Test
	@DisplayName("R-5.2 the customer of record matches ignoring case, spacing and full-width forms")
	void customerOfRecordMatching() {
		CustomerOfRecord record = new CustomerOfRecord("Sakura Seimitsu K.K.", "");
		assertThat(record.isNamed("  sakura  SEIMITSU k.k. ")).isTrue();
		assertThat(record.isNamed("ＳＡＫＵＲＡ Seimitsu K.K.")).isTrue();
		assertThat(record.isNamed("Sakura Seimitsu")).isFalse();
	}

	private static Contract recorded() {
		Contract contract = Contract.record(terms(ContractState.ACTIVE, null, "Acme"), CUSTOMER, NOW);
		contract.takeEvents();
		return contract;
	}

	private static ContractTerms terms(ContractState state, LocalDate end, String ofRecord) {
		return new ContractTerms("N-1", "arcstar-universal-one", "COMPANY", new CustomerOfRecord(ofRecord, "R-1"), "",
				LocalDate.parse("2024-01-01"), end, state);
	}
}
