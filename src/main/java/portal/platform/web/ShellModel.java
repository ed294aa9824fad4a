package portal.platform.web;

import java.security.Principal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;

import portal.platform.PortalPrincipal;

/**
 * Adds what the layout shows on every page to the model of every rendered template:
 * {@code languageLinks} (the language switch) and, when someone is signed in, {@code signedInAs}
 * (their login ID).
 */
class ShellModel implements HandlerInterceptor {

	@Override
	public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
			ModelAndView modelAndView) {
		if (!rendersTemplate(modelAndView)) {
			return;
		}
		modelAndView.addObject("languageLinks", LanguageLink.forQuery(request.getQueryString()));
		Principal principal = request.getUserPrincipal();
		if (principal != null) {
			modelAndView.addObject("signedInAs", loginId(principal));
		}
	}

	/** The login ID rather than {@code getName()}, which for a portal principal is its toString(). */
	static String loginId(Principal principal) {
		if (principal instanceof Authentication authentication
				&& authentication.getPrincipal() instanceof PortalPrincipal portalPrincipal) {
			return portalPrincipal.actor().id();
		}
		return principal.getName();
	}

	// A View object (a problem detail, say) or a redirect has no layout to fill.
	private static boolean rendersTemplate(ModelAndView modelAndView) {
		if (modelAndView == null || !modelAndView.isReference()) {
			return false;
		}
		String viewName = modelAndView.getViewName();
		return viewName != null && !viewName.startsWith("redirect:") && !viewName.startsWith("forward:");
	}
}
