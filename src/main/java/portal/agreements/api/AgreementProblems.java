package portal.agreements.api;

import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import portal.agreements.AgreementRefusal;
import portal.platform.problems.Problems;

/** Problem details for the module's refusals: bad input names its field under {@code fields}. */
@RestControllerAdvice(basePackages = "portal.agreements.api")
@Order(Ordered.HIGHEST_PRECEDENCE)
class AgreementProblems {

	@ExceptionHandler(AgreementRefusal.class)
	ProblemDetail refusal(AgreementRefusal refusal) {
		ProblemDetail problem = Problems.of(refusal.status(), refusal.problemType(), refusal.getMessage());
		if (!refusal.field().isEmpty()) {
			problem.setProperty("fields", Map.of(refusal.field(), refusal.getMessage()));
		}
		refusal.properties().forEach(problem::setProperty);
		return problem;
	}
}
