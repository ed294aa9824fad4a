package portal.platform.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import portal.platform.problems.Problems;

/** The API's answers to "who are you?" (401) and "not you" (403), as problem details. */
final class ProblemResponses {

	private ProblemResponses() {
	}

	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
				"Sign in or send a valid API token (Authorization: Bearer ...).");
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(request, response, HttpStatus.FORBIDDEN, "forbidden",
				"Your roles do not allow this.");
	}

	// Under /tmf-api/ in TM Forum's error shape, as the rest of that API answers.
	private static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String type,
			String detail) throws IOException {
		Problems.write(request, response, Problems.of(status, type, detail));
	}
}
