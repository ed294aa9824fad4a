package portal.platform;

import org.springframework.http.HttpStatus;

/**
 * Refuses a row (an instance, its usage, an order on it) of a relevant service suspended for
 * the customer. The enforcement renders it as the suspension's page or problem,
 * with why and until when; without it, it is a plain 503 problem.
 */
public class ServiceWithheld extends PortalException {

	private final String relevantService;

	public ServiceWithheld(String relevantService) {
		super("service-suspended", HttpStatus.SERVICE_UNAVAILABLE,
				"The relevant service " + relevantService + " is suspended for your organisation.");
		this.relevantService = relevantService;
	}

	public String relevantService() {
		return relevantService;
	}
}
