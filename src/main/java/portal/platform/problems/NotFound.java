package portal.platform.problems;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * An address nothing answers: a problem detail under {@code /api/**} (TM Forum's error shape
 * under {@code /tmf-api/**}), the friendly 404
 * page elsewhere — decided here rather than by the container, so it holds wherever the
 * request is served.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class NotFound {

	@ExceptionHandler({ NoHandlerFoundException.class, NoResourceFoundException.class })
	ModelAndView notFound(HttpServletRequest request) {
		if (Problems.isApi(request)) {
			ModelAndView problem = new ModelAndView(new ProblemView(Problems.of(HttpStatus.NOT_FOUND, "not-found",
					"There is nothing at this address.")));
			problem.setStatus(HttpStatus.NOT_FOUND);
			return problem;
		}
		ModelAndView page = new ModelAndView("error/404");
		page.setStatus(HttpStatus.NOT_FOUND);
		return page;
	}

}
