package portal.agreements.enforcement;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import portal.platform.Availability;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.platform.problems.Problems;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consults the access check before every controller route of a customer's user, with the
 * feature the route declares and the relevant service it concerns (a path variable or
 * parameter named {@code service} or {@code relevantService}). A refused API request gets a
 * problem detail, a refused page the "suspended" page. Where the whole portal is suspended
 * or the agreement terminated, the session ends on the spot.
 */
class RouteCheck implements HandlerInterceptor {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final Availability availability;

	private final Tenancy tenancy;

	RouteCheck(Availability availability, Tenancy tenancy) {
		this.availability = availability;
		this.tenancy = tenancy;
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		TenantScope scope = tenancy.scope();
		if (scope.kind() != TenantScope.Kind.CUSTOMER || !(handler instanceof HandlerMethod method)) {
			return true;
		}
		UUID customer = scope.customerId().orElseThrow();
		Optional<Availability.Unavailable> refusal = availability.check(customer, feature(method),
				relevantService(request));
		if (refusal.isEmpty()) {
			return true;
		}
		Availability.Unavailable unavailable = refusal.get();
		if (unavailable.endsAccess()) {
			endSession(request);
		}
		if (Problems.isApi(request)) {
			writeProblem(request, response, unavailable);
			return false;
		}
		throw new PartUnavailable(unavailable);
	}


	static void writeProblem(HttpServletRequest request, HttpServletResponse response,
			Availability.Unavailable unavailable) throws IOException {
		ProblemDetail problem = problem(unavailable);
		boolean tmf = Problems.isTmf(request);
		response.setStatus(problem.getStatus());
		response.setContentType(tmf ? MediaType.APPLICATION_JSON_VALUE : MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		// Flat, as RFC 9457 extension members are; the TM Forum shaped API answers in its own shape.
		Map<String, Object> body = new LinkedHashMap<>();
		if (tmf) {
			body.putAll(Problems.tmf(problem));
		}
		else {
			body.put("type", problem.getType().toString());
			body.put("title", problem.getTitle());
			body.put("status", problem.getStatus());
			body.put("detail", problem.getDetail());
		}
		body.putAll(problem.getProperties());
		JSON.writeValue(response.getOutputStream(), body);
	}

	static PortalFeature feature(HandlerMethod method) {
		Feature declared = AnnotatedElementUtils.findMergedAnnotation(method.getMethod(), Feature.class);
		if (declared == null) {
			declared = AnnotatedElementUtils.findMergedAnnotation(method.getBeanType(), Feature.class);
		}
		// Every route declares one (an architecture test says so); none found means the portal's own plumbing.
		return declared == null ? PortalFeature.ESSENTIAL : declared.value();
	}

	@SuppressWarnings("unchecked")
	private static String relevantService(HttpServletRequest request) {
		Object variables = request.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE);
		if (variables instanceof Map<?, ?> map) {
			Map<String, String> values = (Map<String, String>) map;
			for (String name : new String[] { "service", "relevantService" }) {
				if (values.get(name) != null) {
					return values.get(name);
				}
			}
		}
		String parameter = request.getParameter("service");
		if (parameter == null) {
			parameter = request.getParameter("relevantService");
		}
		return parameter == null ? "" : parameter;
	}

	private static void endSession(HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
		SecurityContextHolder.clearContext();
	}

	static ProblemDetail problem(Availability.Unavailable unavailable) {
		boolean terminated = "agreement-terminated".equals(unavailable.problemType());
		HttpStatus status = terminated ? HttpStatus.FORBIDDEN : HttpStatus.SERVICE_UNAVAILABLE;
		String detail = terminated ? "Your Portal Agreement was terminated on " + unavailable.since() + "."
				: "This part of the portal (" + unavailable.scope() + ") is " + ("service-withdrawn"
						.equals(unavailable.problemType()) ? "withdrawn" : "suspended") + " since " + unavailable.since()
						+ unavailable.until().map(until -> " until " + until).orElse(" until further notice")
						+ " (reason " + unavailable.reason() + ").";
		ProblemDetail problem = Problems.of(status, unavailable.problemType(), detail);
		problem.setProperty("scope", unavailable.scope());
		problem.setProperty("reason", unavailable.reason());
		problem.setProperty("since", unavailable.since().toString());
		unavailable.until().ifPresent(until -> problem.setProperty("until", until.toString()));
		return problem;
	}
}
