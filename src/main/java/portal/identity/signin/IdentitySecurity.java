package portal.identity.signin;

import java.time.Clock;

import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.stereotype.Component;
import portal.terms.Terms;
import portal.platform.security.SecurityContributor;
import portal.identity.accounts.IdentitySettings;
import portal.identity.tokens.ApiTokenFilter;
import portal.identity.tokens.ApiTokenPrincipals;

/**
 * Identity's part of the filter chains: the sign-in provider (password + one-time code),
 * personal API tokens, the absolute session lifetime, and sign-in failures that never
 * say why.
 */
@Component
public class IdentitySecurity implements SecurityContributor {

	private final ApiTokenPrincipals principals;

	private final IdentitySettings settings;

	private final Clock clock;

	private final Terms terms;

	private final SessionLifetime lifetime;

	IdentitySecurity(ApiTokenPrincipals principals, IdentitySettings settings, Clock clock, Terms terms,
			SecurityEvents events,
			@org.springframework.beans.factory.annotation.Value("${spring.session.timeout:30m}") java.time.Duration idle) {
		this.lifetime = new SessionLifetime(idle, settings.sessionAbsoluteTimeout(), clock, events);
		this.principals = principals;
		this.terms = terms;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	public void contribute(HttpSecurity http, Chain chain) throws Exception {
		// SignInProvider is the only AuthenticationProvider bean, so Spring Security makes it the
		// global provider; adding it to the chain as well would run every attempt twice.
		http.addFilterAfter(lifetime, AnonymousAuthenticationFilter.class);
		// After the tenancy filter (added first at the same place), so the check runs in the user's scope.
		http.addFilterAfter(new TermsAcceptanceGate(terms), AnonymousAuthenticationFilter.class);
		if (chain == Chain.API) {
			http.addFilterBefore(new ApiTokenFilter(principals),
					AnonymousAuthenticationFilter.class);
			return;
		}
		http.formLogin(form -> form
				.authenticationDetailsSource(request -> new SignInProvider.Details(request.getParameter("code"),
						request.getRemoteAddr()))
				.successHandler(new LandingPage(clock))
				.failureUrl("/sign-in?error"));
	}
}
