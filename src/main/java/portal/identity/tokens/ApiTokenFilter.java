package portal.identity.tokens;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.filter.OncePerRequestFilter;
import portal.platform.Actor;
import portal.platform.Tenancy;
import portal.platform.TenantScope;
import portal.identity.PortalUser;
import portal.identity.accounts.Account;
import portal.identity.accounts.Accounts;

/**
 * Authenticates {@code Authorization: Bearer cpt_…} on the API. The owner must still be
 * active: a disabled, locked or retired owner's tokens stop working at once. An invalid
 * token leaves the request anonymous, so it ends in a 401 problem.
 */
public class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final Accounts accounts;

	private final Tenancy tenancy;

	private final TransactionTemplate transactions;

	public ApiTokenFilter(ApiTokens tokens, Accounts accounts, Tenancy tenancy, TransactionTemplate transactions) {
		this.tokens = tokens;
		this.accounts = accounts;
		this.tenancy = tenancy;
		this.transactions = transactions;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String header = request.getHeader("Authorization");
		if (header != null && header.startsWith("Bearer " + ApiTokens.PREFIX)) {
			String presented = header.substring("Bearer ".length()).trim();
			Optional<Account> owner = tenancy.call(Actor.job("api-token-auth"), TenantScope.system(),
					() -> transactions.execute(status -> tokens.owner(presented).flatMap(accounts::byId)))
				.filter(Account::isActive);
			SecurityContextHolder.clearContext();
			owner.ifPresent(account -> {
				PortalUser user = PortalUser.of(account, true);
				var context = SecurityContextHolder.createEmptyContext();
				context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.authorities()));
				SecurityContextHolder.setContext(context);
			});
		}
		chain.doFilter(request, response);
	}
}
