package portal.platform.problems;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.databind.json.JsonMapper;

/** Builds the problem details every API error answers with, and writes them where no converter does. */
public final class Problems {

	/**
	 * With Spring's mix-in, a problem's extra members (the page to visit, the fields at fault)
	 * are written at the top level, as Spring MVC writes the problems controllers answer with.
	 */
	private static final JsonMapper JSON = JsonMapper.builder()
		.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
		.build();

	private Problems() {
	}

	/** Writes a problem as the whole response, for filters and views that run outside Spring MVC's converters. */
	public static void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), problem);
	}

	/**
	 * Writes a problem as the whole response; under {@code /tmf-api/} in TM Forum's error shape,
	 * as the TMF facades answer their own errors.
	 */
	public static void write(HttpServletRequest request, HttpServletResponse response, ProblemDetail problem)
			throws IOException {
		if (!isTmf(request)) {
			write(response, problem);
			return;
		}
		response.setStatus(problem.getStatus());
		response.setContentType(MediaType.APPLICATION_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), tmf(problem));
	}

	/**
	 * Whether the request (or the one whose error is being answered) is to an API, the JSON one
	 * or the TM Forum shaped one: such requests get a problem, never a page or a redirect.
	 */
	public static boolean isApi(HttpServletRequest request) {
		return requested(request).startsWith(request.getContextPath() + "/api/") || isTmf(request);
	}

	/** Whether the request (or the one whose error is being answered) is to the TM Forum shaped API. */
	public static boolean isTmf(HttpServletRequest request) {
		return requested(request).startsWith(request.getContextPath() + "/tmf-api/");
	}

	private static String requested(HttpServletRequest request) {
		Object failed = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		return failed != null ? failed.toString() : request.getRequestURI();
	}

	/** The problem in TM Forum's error shape: {@code {code, reason, message, status, @type}}. */
	public static Map<String, Object> tmf(ProblemDetail problem) {
		String type = problem.getType().toString();
		String code = type.substring(type.lastIndexOf('/') + 1);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("code", code);
		body.put("reason", code);
		body.put("message", problem.getDetail());
		body.put("status", String.valueOf(problem.getStatus()));
		body.put("@type", "Error");
		// Extension attributes, as TM Forum's schemas allow: what the problem names beyond its text.
		if (problem.getProperties() != null) {
			problem.getProperties().forEach(body::putIfAbsent);
		}
		return body;
	}

	public static ProblemDetail of(HttpStatusCode status, String type, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("/problems/" + type));
		return problem;
	}
}
