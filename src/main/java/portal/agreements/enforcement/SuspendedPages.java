package portal.agreements.enforcement;

import java.util.HashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import portal.platform.Availability;
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

	SuspendedPages(Availability availability, Tenancy tenancy) {
		this.availability = availability;
		this.tenancy = tenancy;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new RouteCheck(availability, tenancy));
	}

	@ExceptionHandler(PartUnavailable.class)
	ModelAndView suspended(PartUnavailable refusal, HttpServletRequest request) {
		Availability.Unavailable unavailable = refusal.unavailable();
		Map<String, Object> model = new HashMap<>();
		model.put("unavailable", unavailable);
		model.put("signedOut", unavailable.endsAccess());
		HttpStatus status = "agreement-terminated".equals(unavailable.problemType()) ? HttpStatus.FORBIDDEN
				: HttpStatus.SERVICE_UNAVAILABLE;
		return new ModelAndView("agreements/suspended", model, status);
	}
}
