package portal.orders.tmf;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import portal.orders.ordering.InvalidOrder;
import portal.orders.ordering.OrderRefusal;
import portal.platform.PortalException;
import portal.platform.problems.PayloadTooLargeException;

/** Errors of the TMF641 facade in TM Forum's shape: {@code {code, reason, message, status, @type}}. */
@RestControllerAdvice(assignableTypes = TmfServiceOrderController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class TmfErrors {

	@ExceptionHandler(InvalidOrder.class)
	ResponseEntity<Map<String, Object>> invalid(InvalidOrder ex) {
		String fields = String.join(", ", ex.fields().keySet());
		return error(HttpStatus.BAD_REQUEST, "invalid-fields", "Invalid fields: " + fields,
				ex.fields().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue())
					.reduce((a, b) -> a + "; " + b).orElse(""));
	}

	@ExceptionHandler(OrderRefusal.class)
	ResponseEntity<Map<String, Object>> refused(OrderRefusal ex) {
		return error(ex.status(), ex.problemType(), ex.field().isEmpty() ? ex.problemType() : ex.field(),
				ex.getMessage());
	}

	@ExceptionHandler(PortalException.class)
	ResponseEntity<Map<String, Object>> portal(PortalException ex) {
		return error(ex.status(), ex.problemType(), ex.problemType(), ex.getMessage());
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	ResponseEntity<Map<String, Object>> unreadable(HttpMessageNotReadableException ex) {
		if (ex.getMostSpecificCause() instanceof PayloadTooLargeException tooLarge) {
			return error(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "body", tooLarge.getMessage());
		}
		return error(HttpStatus.BAD_REQUEST, "malformed-body", "body",
				"The body is not a JSON object of the expected shape.");
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	ResponseEntity<Map<String, Object>> mediaType(HttpMediaTypeNotSupportedException ex) {
		return error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Content-Type",
				"Send application/json, or application/merge-patch+json for PATCH.");
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	ResponseEntity<Map<String, Object>> mismatch(MethodArgumentTypeMismatchException ex) {
		return error(HttpStatus.BAD_REQUEST, "invalid-parameter", ex.getName(), ex.getName() + " has the wrong type.");
	}

	private static ResponseEntity<Map<String, Object>> error(HttpStatusCode status, String code, String reason,
			String message) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("reason", reason);
		body.put("message", message);
		body.put("status", String.valueOf(status.value()));
		body.put("@type", "Error");
		return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(body);
	}
}
