package portal.platform.problems;

import portal.platform.Feature;
import portal.platform.PortalFeature;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Where the servlet container sends every error no controller handled: JSON callers (and
 * every {@code /api/**} path) get a problem detail ({@code /tmf-api/**} in TM Forum's shape), people get a friendly page. Neither
 * ever shows a stack trace or the exception's message.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class ErrorPages implements ErrorController {

	@RequestMapping(path = "/error", produces = MediaType.TEXT_HTML_VALUE)
	ModelAndView page(HttpServletRequest request) {
		HttpStatus status = status(request);
		if (isApi(request)) {
			ModelAndView problem = new ModelAndView(new ProblemView(problem(status)));
			problem.setStatus(status);
			return problem;
		}
		String view = switch (status.value()) {
			case 403, 404, 500 -> "error/" + status.value();
			default -> "error";
		};
		return new ModelAndView(view, Map.of("status", status.value(), "reason", status.getReasonPhrase()), status);
	}

	@RequestMapping("/error")
	ResponseEntity<Object> problem(HttpServletRequest request) {
		HttpStatus status = status(request);
		if (Problems.isTmf(request)) {
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON)
				.body(Problems.tmf(problem(status)));
		}
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem(status));
	}

	private static ProblemDetail problem(HttpStatus status) {
		String detail = switch (status.value()) {
			case 400 -> "The request is not valid.";
			case 401 -> "Sign in first.";
			case 403 -> "You are not allowed to do this.";
			case 404 -> "There is nothing at this address.";
			case 405 -> "This method is not allowed here.";
			case 413 -> "The request body is too large.";
			case 415 -> "This content type is not supported here; send application/json.";
			case 429 -> "Too many requests; wait a moment and try again.";
			default -> status.is5xxServerError() ? "Something went wrong on our side; try again later."
					: status.getReasonPhrase();
		};
		return Problems.of(status, slug(status), detail);
	}

	private static String slug(HttpStatus status) {
		return status.getReasonPhrase().toLowerCase().replaceAll("[^a-z0-9]+", "-");
	}

	private static boolean isApi(HttpServletRequest request) {
		return request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) != null && Problems.isApi(request);
	}

	private static HttpStatus status(HttpServletRequest request) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		if (code instanceof Integer value) {
			HttpStatus status = HttpStatus.resolve(value);
			if (status != null) {
				return status;
			}
		}
		return HttpStatus.INTERNAL_SERVER_ERROR;
	}
}
