package portal.customers.systemkeys;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;

/**
 * Authenticates {@code Authorization: Bearer cps_…} on the system API. Other tokens are left
 * to other filters. An invalid or revoked key leaves the request anonymous, so it ends in the
 * chain's 401 problem detail. Runs before the tenancy filter, so it looks keys up with an
 * explicit system scope of its own.
 */
class SystemKeyFilter extends OncePerRequestFilter {

	static final String SYSTEM_API = "/api/v1/system/";

	private static final String BEARER = "Bearer ";

	private final ServiceSystemKeys keys;

	private final Tenancy tenancy;

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	SystemKeyFilter(ServiceSystemKeys keys, Tenancy tenancy) {
		this.keys = keys;
		this.tenancy = tenancy;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header == null || !header.startsWith(BEARER + SystemKeyToken.PREFIX)
				|| !request.getRequestURI().startsWith(request.getContextPath() + SYSTEM_API);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = request.getHeader("Authorization").substring(BEARER.length()).trim();
		Optional<ServiceSystem> system = tenancy.call(Actor.job("system-key-auth"), TenantScope.system(),
				() -> keys.authenticate(presented));
		// A session cookie sent along must not stand in for a key that failed.
		contexts.clearContext();
		system.ifPresent(this::signIn);
		chain.doFilter(request, response);
	}

	private void signIn(ServiceSystem system) {
		SecurityContext context = contexts.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null,
				List.of(new SimpleGrantedAuthority(ServiceSystem.AUTHORITY))));
		contexts.setContext(context);
	}
}
