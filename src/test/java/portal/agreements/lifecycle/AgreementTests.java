package portal.agreements.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import portal.agreements.AgreementRefusal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("The Portal Agreement's lifecycle, transition by transition")
class AgreementTests {

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	private static final Duration DAY = Duration.ofDays(1);

	private final Agreement agreement = Agreement.conclude(UUID.randomUUID(), 7L, "ST0000001", NOW);

	@Test
	@DisplayName("R-5.3 a concluded agreement is active and its timeline starts with the conclusion")
	void concludedIsActive() {
		assertThat(agreement.stateAt(NOW, false)).isEqualTo(AgreementState.ACTIVE);
		assertThat(agreement.takeEntries()).extracting(TimelineEntry::step).containsExactly("concluded");
	}

	@Test
	@DisplayName("R-11.1 an agreement with a suspension in force is suspended, and active again once it is over")
	void suspendedWhileASuspensionIsInForce() {
		assertThat(agreement.stateAt(NOW, true)).isEqualTo(AgreementState.SUSPENDED);
		assertThat(agreement.stateAt(NOW, false)).isEqualTo(AgreementState.ACTIVE);
	}

	@Test
	@DisplayName("R-8.1 R-9.5 a customer's request schedules termination, which takes effect on its date by time alone")
	void customerRequestTakesEffectOnItsDate() {
		agreement.requestTermination(NOW.plus(DAY.multipliedBy(10)), "CP00000001", NOW);
		assertThat(agreement.stateAt(NOW, false)).isEqualTo(AgreementState.TERMINATION_SCHEDULED);
		assertThat(agreement.stateAt(NOW.plus(DAY.multipliedBy(10)).minusSeconds(1), false))
			.isEqualTo(AgreementState.TERMINATION_SCHEDULED);
		assertThat(agreement.stateAt(NOW.plus(DAY.multipliedBy(10)), false)).isEqualTo(AgreementState.TERMINATED);
	}

	@Test
	@DisplayName("R-8.1 a termination date in the past is refused, naming the field")
	void refusesADateInThePast() {
		assertThatThrownBy(() -> agreement.requestTermination(NOW.minus(DAY.multipliedBy(2)), "CP00000001", NOW))
			.isInstanceOfSatisfying(AgreementRefusal.class, refusal -> assertThat(refusal.field()).isEqualTo("effectiveDate"));
	}

	@Test
	@DisplayName("R-8.1 the customer withdraws its request before it takes effect, and not after")
	void withdrawsBeforeTheDateOnly() {
		agreement.requestTermination(NOW.plus(DAY), "CP00000001", NOW);
		agreement.withdrawTerminationRequest("CP00000001", NOW);
		assertThat(agreement.stateAt(NOW.plus(DAY.multipliedBy(2)), false)).isEqualTo(AgreementState.ACTIVE);
		agreement.requestTermination(NOW.plus(DAY), "CP00000001", NOW);
		assertThatThrownBy(() -> agreement.withdrawTerminationRequest("CP00000001", NOW.plus(DAY)))
			.isInstanceOfSatisfying(AgreementRefusal.class,
					refusal -> assertThat(refusal.problemType()).isEqualTo("agreement-terminated"));
	}

	@Test
	@DisplayName("R-8.1 a second request while one is scheduled is refused; a Company termination cannot be withdrawn by the customer")
	void refusesDoubleRequestsAndForeignWithdrawals() {
		agreement.terminateByCompany(NOW.plus(DAY.multipliedBy(30)), "art-12.1-3: note", "ST0000001", NOW);
		assertThatThrownBy(() -> agreement.requestTermination(NOW.plus(DAY.multipliedBy(40)), "CP00000001", NOW))
			.isInstanceOf(AgreementRefusal.class);
		assertThatThrownBy(() -> agreement.withdrawTerminationRequest("CP00000001", NOW))
			.isInstanceOfSatisfying(AgreementRefusal.class,
					refusal -> assertThat(refusal.problemType()).isEqualTo("no-termination-request"));
	}

	@Test
	@DisplayName("R-9.2 the Company terminates at once; a terminated agreement changes no more")
	void companyTerminatesAtOnce() {
		agreement.terminateByCompany(NOW, "art-12.1-4: note", "ST0000001", NOW);
		assertThat(agreement.stateAt(NOW, false)).isEqualTo(AgreementState.TERMINATED);
		assertThatThrownBy(() -> agreement.terminateByCompany(NOW.plus(DAY), "again", "ST0000001", NOW.plus(DAY)))
			.isInstanceOfSatisfying(AgreementRefusal.class,
					refusal -> assertThat(refusal.problemType()).isEqualTo("agreement-terminated"));
		assertThat(agreement.scheduleForEndedContracts(NOW.plus(DAY), NOW)).isFalse();
	}

	@Test
	@DisplayName("R-9.4 a Company termination may bring a scheduled date forward, not push it back")
	void companyBringsTheDateForwardOnly() {
		agreement.requestTermination(NOW.plus(DAY.multipliedBy(20)), "CP00000001", NOW);
		agreement.terminateByCompany(NOW.plus(DAY.multipliedBy(5)), "art-12.1-3: note", "ST0000001", NOW);
		assertThat(agreement.terminationEffectiveAt()).contains(NOW.plus(DAY.multipliedBy(5)));
		assertThatThrownBy(() -> agreement.terminateByCompany(NOW.plus(DAY.multipliedBy(9)), "later", "ST0000001", NOW))
			.isInstanceOf(AgreementRefusal.class);
	}

	@Test
	@DisplayName("R-9.3 all contracts ended schedules termination; a contract active again before the date cancels it")
	void automaticTerminationAndItsCancellation() {
		assertThat(agreement.scheduleForEndedContracts(NOW.plus(DAY.multipliedBy(30)), NOW)).isTrue();
		assertThat(agreement.terminationOrigin()).contains(TerminationOrigin.CONTRACTS_ENDED);
		assertThat(agreement.scheduleForEndedContracts(NOW.plus(DAY.multipliedBy(31)), NOW)).isFalse();
		assertThat(agreement.cancelForActiveContract(NOW.plus(DAY))).isTrue();
		assertThat(agreement.stateAt(NOW.plus(DAY.multipliedBy(40)), false)).isEqualTo(AgreementState.ACTIVE);
		agreement.scheduleForEndedContracts(NOW.plus(DAY), NOW);
		assertThat(agreement.cancelForActiveContract(NOW.plus(DAY))).as("too late: already terminated").isFalse();
	}

	@Test
	@DisplayName("R-9.3 a customer's own request is not cancelled by a contract becoming active")
	void customerRequestIsNotCancelledByContracts() {
		agreement.requestTermination(NOW.plus(DAY.multipliedBy(3)), "CP00000001", NOW);
		assertThat(agreement.cancelForActiveContract(NOW)).isFalse();
		assertThat(agreement.terminationOrigin()).contains(TerminationOrigin.CUSTOMER);
	}

	@Test
	@DisplayName("R-9.5 a termination is carried out only once it took effect, and only once; it is recorded at its date")
	void carriesOutATerminationOnceItTookEffect() {
		assertThatThrownBy(() -> agreement.carryOutTermination("job", NOW)).isInstanceOf(AgreementRefusal.class);
		agreement.requestTermination(NOW.plus(DAY), "CP00000001", NOW);
		agreement.takeEntries();
		assertThatThrownBy(() -> agreement.carryOutTermination("job", NOW.plus(DAY).minusSeconds(1)))
			.isInstanceOf(AgreementRefusal.class);
		assertThat(agreement.carryOutTermination("job", NOW.plus(DAY))).isTrue();
		assertThat(agreement.terminationCarriedOutAt()).contains(NOW.plus(DAY));
		assertThat(agreement.takeEntries()).extracting(TimelineEntry::step).containsExactly("terminated");
		assertThat(agreement.carryOutTermination("job", NOW.plus(DAY.multipliedBy(2)))).isFalse();
		assertThat(agreement.takeEntries()).isEmpty();
	}
}
