package portal.platform.security;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import portal.platform.RateLimits;
import portal.platform.Tenancy;

/**
 * The two filter chains: the JSON API (problem details for 401/403, CSRF only where a
 * session cookie authenticates) and the pages (sign-in form, friendly error pages). Both
 * set the tenancy context after authentication and send strict security headers.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurity {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
			+ "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	private static final String[] PUBLIC_PAGES = { "/", "/portal-page/**", "/sign-in", "/activate/**",
			"/lost-credentials/**", "/apply", "/apply/**", "/error", "/webjars/**", "/assets/**", "/favicon.ico",
			"/actuator/health", "/actuator/health/**", "/actuator/info", "/v3/api-docs",
			"/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/problems/**" };

	/** Both chains keep CSRF tokens alike: in the session once there is one, before that in a cookie. */
	private static final CsrfTokens CSRF_TOKENS = new CsrfTokens();

	/**
	 * One observation (timer) per filter of each chain on every request costs more than the
	 * rest of a simple request; requests are timed once by the server's own metrics, and
	 * authentications and authorizations stay observed.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Tenancy tenancy, List<SecurityContributor> contributors,
			RateLimits rateLimits, @Value("${portal.api.requests-per-minute:600}") int requestsPerMinute)
			throws Exception {
		// The TM Forum shaped API authenticates like the JSON API: tokens, problem answers, no pages.
		http.securityMatcher("/api/**", "/tmf-api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/documents", "/api/v1/documents/**").permitAll()
				// Calendar apps present a feed token instead of signing in; the feed checks it.
				.requestMatchers(HttpMethod.GET, "/api/v1/maintenance.ics").permitAll()
				.requestMatchers("/api/v1/system/**").hasRole("SERVICE_SYSTEM")
				.requestMatchers("/api/v1/console/**").hasRole("STAFF")
				.requestMatchers("/api/v1/public/**").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/applications").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/applications/*").permitAll()
				.anyRequest().authenticated())
			// No session authenticates these requests, so there is no cross-site request to forge.
			.csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS)
				.ignoringRequestMatchers("/api/v1/public/**", "/api/v1/system/**", "/api/v1/applications")
				.ignoringRequestMatchers(request -> {
					String authorization = request.getHeader("Authorization");
					return authorization != null && authorization.startsWith("Bearer ");
				}))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(ProblemResponses.forbidden()))
			.addFilterAfter(new TenancyFilter(tenancy), AnonymousAuthenticationFilter.class)
			// Before any authentication work, so that a flood costs as little as possible.
			.addFilterAfter(new ApiRequestBudget(rateLimits, requestsPerMinute), SecurityContextHolderFilter.class);
		headers(http);
		for (SecurityContributor contributor : contributors) {
			contributor.contribute(http, SecurityContributor.Chain.API);
		}
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain pages(HttpSecurity http, Tenancy tenancy, List<SecurityContributor> contributors,
			@Value("${portal.metrics.allowed-networks}") List<String> metricsNetworks) throws Exception {
		// Metrics name routes, pools and sign-in counts: only the monitoring network reads them.
		List<IpAddressMatcher> networks = metricsNetworks.stream().map(String::trim).filter(n -> !n.isEmpty())
			.map(IpAddressMatcher::new).toList();
		AuthorizationManager<RequestAuthorizationContext> metricsScrapers = (authentication, context) ->
			new AuthorizationDecision(networks.stream().anyMatch(network -> network.matches(context.getRequest())));
		http.authorizeHttpRequests(requests -> requests
				.requestMatchers(PUBLIC_PAGES).permitAll()
				.requestMatchers("/actuator/prometheus").access(metricsScrapers)
				.requestMatchers("/console/**").hasRole("STAFF")
				.requestMatchers("/app/**").hasRole("CUSTOMER")
				.anyRequest().authenticated())
			.csrf(csrf -> csrf.csrfTokenRepository(CSRF_TOKENS))
			.formLogin(form -> form.loginPage("/sign-in").defaultSuccessUrl("/app", false).permitAll())
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signed-out"))
			.addFilterAfter(new TenancyFilter(tenancy), AnonymousAuthenticationFilter.class);
		headers(http);
		for (SecurityContributor contributor : contributors) {
			contributor.contribute(http, SecurityContributor.Chain.PAGES);
		}
		return http.build();
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
	}
}
