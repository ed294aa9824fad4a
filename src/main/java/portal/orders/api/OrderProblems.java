package portal.orders.api;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import portal.orders.ordering.InvalidOrder;
import portal.orders.ordering.OrderRefusal;
import portal.platform.problems.Problems;

/** Problem details of the orders API name the offending fields, as the rest of the API does. */
@RestControllerAdvice(assignableTypes = { OrdersController.class, ConsoleOrdersController.class,
		SystemOrdersController.class })
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderProblems {

	@ExceptionHandler(InvalidOrder.class)
	ProblemDetail invalid(InvalidOrder ex) {
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, ex.problemType(), ex.getMessage());
		problem.setProperty("fields", ex.fields());
		return problem;
	}

	@ExceptionHandler(OrderRefusal.class)
	ProblemDetail refused(OrderRefusal ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.problemType(), ex.getMessage());
		if (!ex.field().isEmpty()) {
			problem.setProperty("fields", java.util.Map.of(ex.field(), ex.getMessage()));
		}
		return problem;
	}
}
