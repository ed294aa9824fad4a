package portal.platform.problems;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import portal.platform.PortalException;

/**
 * Maps every error of the JSON API to an RFC 9457 problem detail: the portal's own
 * refusals keep their type and status, bad input names the offending field, and nothing
 * internal (stack traces, SQL) leaks out.
 */
@RestControllerAdvice(annotations = RestController.class)
class ApiProblems extends ResponseEntityExceptionHandler {

	@ExceptionHandler(PortalException.class)
	ProblemDetail portal(PortalException ex) {
		ProblemDetail problem = Problems.of(ex.status(), ex.problemType(), ex.getMessage());
		ex.offendingField().ifPresent(field -> problem.setProperty("fields", Map.of(field, ex.getMessage())));
		return problem;
	}

	@ExceptionHandler(IllegalArgumentException.class)
	ProblemDetail badArgument(IllegalArgumentException ex) {
		return Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", ex.getMessage());
	}

	@ExceptionHandler(PayloadTooLargeException.class)
	ProblemDetail tooLarge(PayloadTooLargeException ex) {
		return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", ex.getMessage());
	}

	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		if (ex.getMostSpecificCause() instanceof PayloadTooLargeException tooLarge) {
			return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE).body(tooLarge(tooLarge));
		}
		String field = field(ex);
		if (!field.isEmpty()) {
			ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-fields",
					"The field " + field + " is missing or has the wrong type.");
			problem.setProperty("fields", Map.of(field, "is missing or has the wrong type"));
			return ResponseEntity.badRequest().body(problem);
		}
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "malformed-body",
					"The request body is not valid JSON of the expected shape."));
	}

	/** The JSON path of the value Jackson could not bind, e.g. {@code roles[0]}; empty for broken syntax. */
	private static String field(HttpMessageNotReadableException ex) {
		Throwable cause = ex.getCause();
		if (!(cause instanceof tools.jackson.databind.DatabindException bind) || bind.getPath().isEmpty()) {
			return "";
		}
		StringBuilder path = new StringBuilder();
		for (tools.jackson.core.JacksonException.Reference reference : bind.getPath()) {
			if (reference.getPropertyName() != null) {
				path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
			}
			else if (reference.getIndex() >= 0) {
				path.append('[').append(reference.getIndex()).append(']');
			}
		}
		return path.toString();
	}

	@Override
	protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		ex.getBindingResult().getFieldErrors().forEach(error -> fields.putIfAbsent(error.getField(),
				error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage()));
		ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-fields",
				"Some fields are invalid: " + String.join(", ", fields.keySet()) + ".");
		problem.setProperty("fields", fields);
		return ResponseEntity.badRequest().body(problem);
	}

	@Override
	protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		return ResponseEntity.badRequest()
			.body(Problems.of(HttpStatus.BAD_REQUEST, "invalid-parameters", "Some parameters are invalid."));
	}
}
