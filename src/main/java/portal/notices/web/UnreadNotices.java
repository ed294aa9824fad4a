package portal.notices.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import portal.notices.Inbox;
import portal.platform.PortalPrincipal;

/**
 * Adds {@code unreadNotices} (the signed-in person's count of unread notices) to every
 * page of the customer portal and the console, for the header's inbox link.
 */
@Configuration(proxyBeanMethods = false)
class UnreadNotices implements WebMvcConfigurer {

	private final Inbox inbox;

	UnreadNotices(Inbox inbox) {
		this.inbox = inbox;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
					ModelAndView view) {
				if (view == null || !view.isReference() || view.getViewName() == null
						|| view.getViewName().startsWith("redirect:") || view.getViewName().contains("::")) {
					return;
				}
				Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
				if (authentication != null && authentication.getPrincipal() instanceof PortalPrincipal principal) {
					view.addObject("unreadNotices", inbox.unreadCount(principal.actor().id()));
					view.addObject("inboxLink", request.getRequestURI().startsWith("/console") ? "/console/inbox"
							: "/app/notices");
				}
			}
		}).addPathPatterns("/app/**", "/console/**");
	}
}
