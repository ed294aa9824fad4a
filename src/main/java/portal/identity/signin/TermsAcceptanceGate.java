package portal.identity.signin;

import portal.identity.PortalUser;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import portal.platform.problems.Problems;
import portal.terms.DocumentVersion;
import portal.terms.Terms;

/**
 * Stops a portal user who has not accepted the version in force of the Terms of Personal
 * Information Protection before anything else: pages redirect to the acceptance
 * page, API calls get a problem naming that page. The check is made on every request from
 * what each node keeps (see {@link Terms}), with no database work in the common case, yet a
 * version that takes effect mid-session stops the very next request and an acceptance lets
 * the next one through.
 */
class TermsAcceptanceGate extends OncePerRequestFilter {

	static final String PAGE = "/app/accept-terms";

	private final Terms terms;

	TermsAcceptanceGate(Terms terms) {
		this.terms = terms;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		boolean gated = path.equals("/app") || path.startsWith("/app/") || path.startsWith("/api/v1/")
				|| path.startsWith("/tmf-api/");
		return !gated || path.startsWith(PAGE) || path.startsWith("/api/v1/documents");
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication != null && authentication.getPrincipal() instanceof PortalUser user && !user.staff()) {
			Optional<DocumentVersion> pending = terms.pendingAcceptance(user.accountId());
			if (pending.isPresent()) {
				refuse(request, response, pending.get());
				return;
			}
		}
		chain.doFilter(request, response);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response, DocumentVersion pending)
			throws IOException {
		String page = request.getContextPath() + PAGE;
		if (Problems.isApi(request)) {
			ProblemDetail problem = Problems.of(HttpStatus.FORBIDDEN, "terms-acceptance-required",
					"Version " + pending.version() + " of \"" + pending.titleEn()
							+ "\" is in force and must be accepted first: sign in and visit " + page + ".");
			problem.setProperty("page", page);
			problem.setProperty("document", pending.kind());
			problem.setProperty("version", pending.version());
			Problems.write(request, response, problem);
			return;
		}
		response.sendRedirect(page);
	}
}
