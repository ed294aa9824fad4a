package portal.platform.web;

import java.util.Locale;
import java.util.Set;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.ViewResolver;
import portal.platform.Feature;
import portal.platform.PortalFeature;

/**
 * Shows the sign-in form. Spring Security processes the form's POST; this class only renders
 * the page, including after a failed attempt ({@code ?error}). Visitors get the page from
 * memory ({@link RenderedOnce}): it is shown before every sign-in.
 */
@Controller
@Feature(PortalFeature.ESSENTIAL)
class SignInController {

	private static final Set<String> VARIANTS = Set.of("", "error", "expired");

	private final RenderedOnce pages;

	SignInController(@Qualifier("thymeleafViewResolver") ViewResolver views,
			@Value("${spring.thymeleaf.cache:true}") boolean templatesCached) {
		this.pages = new RenderedOnce(views, templatesCached);
	}

	@GetMapping("/sign-in")
	ModelAndView signIn(HttpServletRequest request, Locale locale) {
		return pages.view("sign-in", VARIANTS, request, locale);
	}
}
