package portal.identity.signin;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.authentication.DisabledException;
import org.springframework.stereotype.Component;
import portal.identity.PortalUser;
import portal.platform.Availability;
import portal.platform.PortalFeature;

/** Connects the sign-in form to {@link SignIn}: the one-time code travels in the details. */
@Component
public class SignInProvider implements AuthenticationProvider {

	/** What the form sends besides login ID and password. */
	record Details(String code, String origin) implements java.io.Serializable {
	}

	private final SignIn signIn;

	private final Availability availability;

	SignInProvider(SignIn signIn, ObjectProvider<Availability> availability) {
		this.signIn = signIn;
		this.availability = availability.getIfAvailable(() -> Availability.ALWAYS);
	}

	@Override
	public Authentication authenticate(Authentication authentication) throws AuthenticationException {
		Details details = authentication.getDetails() instanceof Details d ? d : new Details("", "");
		String password = authentication.getCredentials() == null ? null : authentication.getCredentials().toString();
		SignIn.Outcome outcome = signIn.attempt(authentication.getName(), password, details.code(), details.origin());
		PortalUser user = outcome.user().orElseThrow(() -> new BadCredentialsException("Sign-in failed"));
		// A customer whose whole portal is suspended or whose agreement ended cannot sign in.
		if (!user.staff() && availability.check(user.customerId(), PortalFeature.ESSENTIAL, "").isPresent()) {
			throw new DisabledException("Sign-in failed");
		}
		UsernamePasswordAuthenticationToken result = UsernamePasswordAuthenticationToken.authenticated(user, null,
				user.authorities());
		// The one-time code must not outlive the request in the session.
		result.setDetails(new Details("", details.origin()));
		return result;
	}

	@Override
	public boolean supports(Class<?> authentication) {
		return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
	}
}
