package portal.agreements.desk;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import portal.agreements.AgreementRefusal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * for any interleaving of submissions and decisions: the applications accepted are
 * accepted in receipt order, and every refusal is the aggregate's own.
 */
class ReceiptOrderPropertyTests {

	private static final Applicant APPLICANT = new Applicant("Applicant K.K.", "1-1 Street", "JP",
			new Applicant.Person("C", "c@example.com", "+81 3 1234 5678"), List.of("C-1"),
			new Applicant.Person("A", "a@example.com", "+81 3 1234 5678"), "en", true);

	/** One step of an interleaving: submit, or try to accept or reject the n-th application received. */
	record Step(String action, int target) {
	}

	@Property(tries = 500)
	@Label("R-5.1 for any interleaving of submissions and decisions, accepted applications are in receipt order")
	void acceptedInReceiptOrder(@ForAll("interleavings") List<Step> steps) {
		List<PortalApplication> received = new ArrayList<>();
		List<Long> accepted = new ArrayList<>();
		Instant now = Instant.parse("2026-12-01T00:00:00Z");
		for (Step step : steps) {
			if (step.action().equals("submit") || received.isEmpty()) {
				received.add(PortalApplication.receive(received.size() + 1, "hash", APPLICANT, List.of(), 1, now));
				continue;
			}
			PortalApplication target = received.get(step.target() % received.size());
			try {
				if (step.action().equals("accept")) {
					target.accept(oldestUndecided(received), "ST1", now);
					accepted.add(target.receiptNo());
				}
				else {
					target.reject(RejectionReason.FALSE_INFORMATION, "note", "ST1", now);
				}
			}
			catch (AgreementRefusal refusal) {
				assertThat(refusal.problemType()).isIn("out-of-receipt-order", "already-decided");
			}
		}
		assertThat(accepted).isSorted();
		// Nothing older than an accepted application is left undecided.
		for (long receiptNo : accepted) {
			assertThat(received.subList(0, (int) receiptNo - 1))
				.allSatisfy(older -> assertThat(older.state()).isNotEqualTo(ApplicationState.RECEIVED));
		}
	}

	@Provide
	Arbitrary<List<Step>> interleavings() {
		Arbitrary<Step> step = Arbitraries.of("submit", "accept", "reject")
			.flatMap(action -> Arbitraries.integers().between(0, 50).map(target -> new Step(action, target)));
		return step.list().ofMinSize(1).ofMaxSize(60);
	}

	private static OptionalLong oldestUndecided(List<PortalApplication> received) {
		return received.stream().filter(a -> a.state() == ApplicationState.RECEIVED)
			.mapToLong(PortalApplication::receiptNo).min();
	}
}
