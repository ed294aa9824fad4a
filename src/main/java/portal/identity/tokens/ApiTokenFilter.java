package portal.identity.tokens;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import portal.identity.PortalUser;

/**
 * Authenticates {@code Authorization: Bearer cpt_…} on the API. The owner must still be
 * active: a disabled, locked or retired owner's tokens stop working at once. An invalid
 * token leaves the request anonymous, so it ends in a 401 problem.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokenPrincipals principals;

	public ApiTokenFilter(ApiTokenPrincipals principals) {
		this.principals = principals;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.startsWith("Bearer " + ApiTokens.PREFIX)) {
			String presented = header.substring("Bearer ".length()).trim();
			Optional<PortalUser> principal = principals.principal(presented);
			SecurityContextHolder.clearContext();
			principal.ifPresent(user -> {
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
				SecurityContextHolder.setContext(context);
			});
		}
		chain.doFilter(request, response);
	}
}
