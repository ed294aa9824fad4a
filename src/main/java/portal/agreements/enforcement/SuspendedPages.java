package portal.agreements.enforcement;

import java.io.IOException;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import portal.platform.problems.Problems;
import portal.platform.Availability;
import portal.platform.PortalFeature;
import portal.platform.ServiceWithheld;
import portal.platform.Tenancy;

/**
 * Puts the route check before every controller, and shows people the "suspended" page: what
 * is unavailable, why, since when and until when.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SuspendedPages implements WebMvcConfigurer {

	private final Availability availability;

	private final Tenancy tenancy;

	private final Clock clock;

	SuspendedPages(Availability availability, Tenancy tenancy, Clock clock) {
		this.availability = availability;
		this.tenancy = tenancy;
		this.clock = clock;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RouteCheck(availability, tenancy));
	}

	@ExceptionHandler(PartUnavailable.class)
	ModelAndView suspended(PartUnavailable refusal, HttpServletRequest request) {
		return page(refusal.unavailable());
	}

	// A row of a relevant service suspended for the customer, met inside a route (an instance,
	// its usage, an order on it): answered like a route of that service would be.
	@ExceptionHandler(ServiceWithheld.class)
	ModelAndView withheld(ServiceWithheld refusal, HttpServletRequest request, HttpServletResponse response)
			throws IOException {
		Availability.Unavailable unavailable = tenancy.scope().customerId()
			.flatMap(customer -> availability.check(customer, PortalFeature.SERVICES, refusal.relevantService()))
			// Lifted in between: still say what was refused, without a period.
			.orElseGet(() -> new Availability.Unavailable(refusal.problemType(), "service:" + refusal.relevantService(),
					"", clock.instant(), Optional.empty(), false));
		if (Problems.isApi(request)) {
			RouteCheck.writeProblem(request, response, unavailable);
			return null;
		}
		return page(unavailable);
	}

	private static ModelAndView page(Availability.Unavailable unavailable) {
		Map<String, Object> model = new HashMap<>();
		model.put("unavailable", unavailable);
		model.put("signedOut", unavailable.endsAccess());
		HttpStatus status = "agreement-terminated".equals(unavailable.problemType()) ? HttpStatus.FORBIDDEN
				: HttpStatus.SERVICE_UNAVAILABLE;
		return new ModelAndView("agreements/suspended", model, status);
	}
}
