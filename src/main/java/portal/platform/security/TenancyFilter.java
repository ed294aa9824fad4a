package portal.platform.security;

import java.io.IOException;
import java.util.function.Supplier;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import portal.platform.Actor;
import portal.platform.Availability;
import portal.platform.PortalPrincipal;
import portal.platform.ServiceLimit;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Sets the tenancy context of a request from its signed-in principal: its actor and
 * scope, and the client address as origin. A request without a portal principal gets
 * the anonymous actor and an empty scope, which sees no tenant rows. A customer's users get
 * the relevant services suspended for the customer withheld from their limit.
 */
class TenancyFilter extends OncePerRequestFilter {

	private final Tenancy tenancy;

	private final Supplier<Availability> availability;

	TenancyFilter(Tenancy tenancy, Supplier<Availability> availability) {
		this.tenancy = tenancy;
		this.availability = availability;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		Actor actor = Actor.ANONYMOUS;
		TenantScope scope = TenantScope.none();
		ServiceLimit limit = ServiceLimit.NONE;
		if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
			actor = principal.actor();
			scope = principal.scope();
			limit = principal.limit();
			// Suspended relevant services leave every list of the customer's, decided from memory.
			if (scope.kind() == TenantScope.Kind.CUSTOMER) {
				limit = limit.withholding(availability.get().withheldServices(scope.customerId().orElseThrow()));
			}
		}
		Tenancy.Context context = new Tenancy.Context(actor, scope, request.getRemoteAddr(), limit);
		try {
			tenancy.call(context, () -> {
				try {
					chain.doFilter(request, response);
				}
				catch (IOException | ServletException ex) {
					throw new FilterFailure(ex);
				}
				return null;
			});
		}
		catch (FilterFailure failure) {
			if (failure.getCause() instanceof IOException io) {
				throw io;
			}
			throw (ServletException) failure.getCause();
		}
	}

	private static final class FilterFailure extends RuntimeException {

		FilterFailure(Exception cause) {
			super(cause);
		}
	}
}
