package portal.agreements.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import portal.agreements.AgreementRefusal;
import portal.platform.PortalFeature;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Suspensions: their rules, and in force by time alone")
class SuspensionTests {

	private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

	private static final Duration DAY = Duration.ofDays(1);

	private static final Suspension.Notice NOTICE = new Suspension.Notice(Duration.ofDays(7), Duration.ofDays(90));

	private static final UUID CUSTOMER = UUID.randomUUID();

	private static Suspension.Request request(SuspensionScope scope, PortalFeature feature, SuspensionReason reason,
			SuspensionKind kind, Instant start, Instant end, Instant cure) {
		return new Suspension.Request(CUSTOMER, scope, feature, null, reason, kind, "", start, end, cure);
	}

	@Test
	@DisplayName("R-11.2 a planned suspension inside the notice period is refused, naming the start")
	void plannedNeedsNotice() {
		assertThatThrownBy(() -> Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.MAINTENANCE,
				SuspensionKind.PLANNED, NOW.plus(DAY.multipliedBy(6)), null, null), NOTICE, "ST1", NOW))
			.isInstanceOfSatisfying(AgreementRefusal.class, refusal -> assertThat(refusal.field()).isEqualTo("start"));
		Suspension planned = Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.MAINTENANCE,
				SuspensionKind.PLANNED, NOW.plus(DAY.multipliedBy(7)), NOW.plus(DAY.multipliedBy(8)), null), NOTICE, "ST1",
				NOW);
		assertThat(planned.inForceAt(NOW)).isFalse();
	}

	@Test
	@DisplayName("R-11.2 an emergency suspension starts at once")
	void emergencyStartsAtOnce() {
		Suspension emergency = Suspension.announce(request(SuspensionScope.FEATURE, PortalFeature.ORDERING,
				SuspensionReason.FORCE_MAJEURE, SuspensionKind.EMERGENCY, null, null, null), NOTICE, "ST1", NOW);
		assertThat(emergency.inForceAt(NOW)).isTrue();
		assertThat(emergency.covers(PortalFeature.ORDERING, "")).isTrue();
		assertThat(emergency.covers(PortalFeature.USAGE, "")).isFalse();
	}

	@Test
	@DisplayName("R-11.1 a suspension ending before it starts is refused, naming the end")
	void endBeforeStartIsRefused() {
		assertThatThrownBy(() -> Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.FORCE_MAJEURE,
				SuspensionKind.EMERGENCY, NOW, NOW.minusSeconds(1), null), NOTICE, "ST1", NOW))
			.isInstanceOfSatisfying(AgreementRefusal.class, refusal -> assertThat(refusal.field()).isEqualTo("end"));
	}

	@Test
	@DisplayName("R-12.2 a breach rests on Art. 12.1 and carries a cure deadline; an Art. 12.1 reason is always a breach")
	void breachRules() {
		assertThatThrownBy(() -> Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.PROHIBITED_ACTS,
				SuspensionKind.BREACH, NOW, null, null), NOTICE, "ST1", NOW))
			.isInstanceOfSatisfying(AgreementRefusal.class, r -> assertThat(r.field()).isEqualTo("cureDeadline"));
		assertThatThrownBy(() -> Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.MAINTENANCE,
				SuspensionKind.BREACH, NOW, null, NOW.plus(DAY)), NOTICE, "ST1", NOW))
			.isInstanceOfSatisfying(AgreementRefusal.class, r -> assertThat(r.field()).isEqualTo("reason"));
		assertThatThrownBy(() -> Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.PROHIBITED_ACTS,
				SuspensionKind.EMERGENCY, NOW, null, null), NOTICE, "ST1", NOW))
			.isInstanceOfSatisfying(AgreementRefusal.class, r -> assertThat(r.field()).isEqualTo("kind"));
	}

	@Test
	@DisplayName("R-9.1 a breach not lifted by its cure deadline is uncured from then on")
	void uncuredAfterTheDeadline() {
		Suspension breach = Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.PROHIBITED_ACTS,
				SuspensionKind.BREACH, NOW, null, NOW.plus(DAY.multipliedBy(14))), NOTICE, "ST1", NOW);
		assertThat(breach.uncuredAt(NOW.plus(DAY.multipliedBy(13)))).isFalse();
		assertThat(breach.uncuredAt(NOW.plus(DAY.multipliedBy(14)))).isTrue();
	}

	@Test
	@DisplayName("R-11.2 staff lift a suspension early; it is no longer in force from then, and cannot be lifted twice")
	void liftedEarly() {
		Suspension emergency = Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.FORCE_MAJEURE,
				SuspensionKind.EMERGENCY, NOW, NOW.plus(DAY), null), NOTICE, "ST1", NOW);
		emergency.lift("ST1", NOW.plusSeconds(60));
		assertThat(emergency.inForceAt(NOW.plusSeconds(59))).isTrue();
		assertThat(emergency.inForceAt(NOW.plusSeconds(60))).isFalse();
		assertThatThrownBy(() -> emergency.lift("ST1", NOW.plusSeconds(120))).isInstanceOf(AgreementRefusal.class);
	}

	@Test
	@DisplayName("R-19.1 a withdrawal concerns everyone and is announced the withdrawal notice ahead")
	void withdrawalRules() {
		assertThatThrownBy(() -> Suspension.announce(new Suspension.Request(null, SuspensionScope.FEATURE,
				PortalFeature.DOCUMENTS, null, SuspensionReason.REASONABLE_GROUNDS, SuspensionKind.WITHDRAWAL, "",
				NOW.plus(DAY.multipliedBy(89)), null, null), NOTICE, "ST1", NOW))
			.isInstanceOfSatisfying(AgreementRefusal.class, r -> assertThat(r.field()).isEqualTo("start"));
		Suspension withdrawal = Suspension.announce(new Suspension.Request(null, SuspensionScope.FEATURE,
				PortalFeature.DOCUMENTS, null, SuspensionReason.REASONABLE_GROUNDS, SuspensionKind.WITHDRAWAL, "",
				NOW.plus(DAY.multipliedBy(90)), null, null), NOTICE, "ST1", NOW);
		assertThat(withdrawal.inForceAt(NOW.plus(DAY.multipliedBy(365)))).isTrue();
	}

	@Test
	@DisplayName("R-11.1 a whole-portal suspension covers every customer feature but never the console")
	void wholeCoversEverythingButOperations() {
		Suspension whole = Suspension.announce(request(SuspensionScope.WHOLE, null, SuspensionReason.FORCE_MAJEURE,
				SuspensionKind.EMERGENCY, NOW, null, null), NOTICE, "ST1", NOW);
		assertThat(whole.covers(PortalFeature.ESSENTIAL, "")).isTrue();
		assertThat(whole.covers(PortalFeature.OPERATIONS, "")).isFalse();
	}
}
