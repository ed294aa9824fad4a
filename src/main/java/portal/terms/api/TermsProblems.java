package portal.terms.api;

import java.util.Map;

import org.springframework.http.ProblemDetail;
import portal.platform.problems.Problems;
import portal.terms.TermsRefusal;

/** A refusal as an RFC 9457 problem that names the field at fault. */
final class TermsProblems {

	private TermsProblems() {
	}

	static ProblemDetail of(TermsRefusal refusal) {
		ProblemDetail problem = Problems.of(refusal.status(), refusal.problemType(), refusal.getMessage());
		if (refusal.field() != null) {
			problem.setProperty("fields", Map.of(refusal.field(), refusal.getMessage()));
		}
		return problem;
	}
}
