package portal.platform.security;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.authorization.AuthorizationEventPublisher;
import org.springframework.security.authorization.SpringAuthorizationEventPublisher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.MissingCsrfTokenException;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.logout.HeaderWriterLogoutHandler;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.IpAddressMatcher;
import portal.platform.Availability;
import portal.platform.RateLimits;
import portal.platform.SecurityRefused;
import portal.platform.SessionCookies;
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
			+ "style-src 'self'; img-src 'self' data:; font-src 'self' data:; object-src 'none'; "
			+ "base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

	/** The platform's own public pages; modules add theirs through {@link SecurityContributor#publicPages()}. */
	static final List<String> PUBLIC_PAGES = List.of("/", "/portal-page/**", "/sign-in", "/activate/**",
			"/lost-credentials/**", "/apply", "/apply/**", "/error", "/webjars/**", "/assets/**", "/favicon.ico",
			"/actuator/health", "/actuator/health/**", "/actuator/info", "/problems/**");

	static final String[] API_DOCS = { "/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**" };

	/** Staff who need the directory of every account (personal data): the desk, administrators, auditors. */
	static final String[] DIRECTORY_ROLES = { "STAFF_DESK", "STAFF_ADMIN", "STAFF_AUDITOR" };

	/** Both chains keep CSRF tokens alike: in the session once there is one, before that in a cookie. */
	private final CsrfTokens csrfTokens;

	/** Sent by sign-out: the browser drops this site's cache, cookies and storage (ASVS 14.3.1). */
	static final String CLEAR_SITE_DATA = "\"cache\", \"cookies\", \"storage\"";

	private final boolean httpsOnly;

	WebSecurity(@Value("${portal.base-url}") String baseUrl) {
		this.httpsOnly = SessionCookies.httpsOnly(baseUrl);
		this.csrfTokens = new CsrfTokens(httpsOnly);
	}

	/**
	 * Browsers honour {@code Clear-Site-Data} only from secure origins: it is sent when the
	 * portal's public address is HTTPS (whatever the hop from a proxy) or the request is secure.
	 */
	private HeaderWriterLogoutHandler clearSiteData() {
		return new HeaderWriterLogoutHandler((request, response) -> {
			if (httpsOnly || request.isSecure()) {
				response.setHeader("Clear-Site-Data", CLEAR_SITE_DATA);
			}
		});
	}

	/**
	 * One observation (timer) per filter of each chain on every request costs more than the
	 * rest of a simple request; requests are timed once by the server's own metrics, and
	 * authentications and authorizations stay observed.
	 */
	@Bean
	SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.withDefaults().shouldObserveRequests(false).build();
	}

	/** Refused authorizations become events, which the audit keeper records (capped). */
	@Bean
	AuthorizationEventPublisher authorizationEventPublisher(ApplicationEventPublisher events) {
		return new SpringAuthorizationEventPublisher(events);
	}

	/** A refused CSRF token is announced as a {@link SecurityRefused} event before the usual 403. */
	private static AccessDeniedHandler announcingCsrf(ApplicationEventPublisher events, AccessDeniedHandler then) {
		return (request, response, denied) -> {
			if (denied instanceof CsrfException) {
				events.publishEvent(new SecurityRefused(denied instanceof MissingCsrfTokenException ? "missing" : "invalid",
						request.getRequestURI(), request.getRemoteAddr()));
			}
			then.handle(request, response, denied);
		};
	}

	@Bean
	@Order(1)
	SecurityFilterChain api(HttpSecurity http, Tenancy tenancy, List<SecurityContributor> contributors,
			RateLimits rateLimits, @Value("${portal.api.requests-per-minute:600}") int requestsPerMinute,
			ApplicationEventPublisher events, ObjectProvider<Availability> availabilities) throws Exception {
		Supplier<Availability> availability = availability(availabilities);
		// The TM Forum shaped API authenticates like the JSON API: tokens, problem answers, no pages.
		http.securityMatcher("/api/**", "/tmf-api/**")
			.authorizeHttpRequests(requests -> requests
				.requestMatchers(HttpMethod.GET, "/api/v1/catalog/**").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/documents", "/api/v1/documents/**").permitAll()
				// Calendar apps present a feed token instead of signing in; the feed checks it.
				.requestMatchers(HttpMethod.GET, "/api/v1/maintenance.ics").permitAll()
				.requestMatchers("/api/v1/system/**").hasRole("SERVICE_SYSTEM")
				.requestMatchers("/api/v1/console/users", "/api/v1/console/users/**").hasAnyRole(DIRECTORY_ROLES)
				.requestMatchers("/api/v1/console/**").hasRole("STAFF")
				.requestMatchers("/api/v1/public/**").permitAll()
				.requestMatchers(HttpMethod.POST, "/api/v1/applications").permitAll()
				.requestMatchers(HttpMethod.GET, "/api/v1/applications/*").permitAll()
				.anyRequest().authenticated())
			// No session authenticates these requests, so there is no cross-site request to forge.
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens)
				.ignoringRequestMatchers("/api/v1/public/**", "/api/v1/system/**", "/api/v1/applications")
				.ignoringRequestMatchers(request -> {
					String authorization = request.getHeader("Authorization");
					return authorization != null && authorization.startsWith("Bearer ");
				}))
			.exceptionHandling(errors -> errors.authenticationEntryPoint(ProblemResponses.unauthorized())
				.accessDeniedHandler(announcingCsrf(events, ProblemResponses.forbidden())))
			.addFilterAfter(new TenancyFilter(tenancy, availability), AnonymousAuthenticationFilter.class)
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
			@Value("${portal.metrics.allowed-networks}") List<String> metricsNetworks,
			@Value("${portal.api-docs-public:false}") boolean apiDocsPublic, ApplicationEventPublisher events,
			ObjectProvider<Availability> availabilities) throws Exception {
		Supplier<Availability> availability = availability(availabilities);
		// Metrics name routes, pools and sign-in counts: only the monitoring network reads them.
		List<IpAddressMatcher> networks = metricsNetworks.stream().map(String::trim).filter(n -> !n.isEmpty())
			.map(IpAddressMatcher::new).toList();
		AuthorizationManager<RequestAuthorizationContext> metricsScrapers = (authentication, context) ->
			new AuthorizationDecision(networks.stream().anyMatch(network -> network.matches(context.getRequest())));
		List<String> publicPages = new java.util.ArrayList<>(PUBLIC_PAGES);
		contributors.forEach(contributor -> publicPages.addAll(contributor.publicPages()));
		http.authorizeHttpRequests(requests -> {
			requests.requestMatchers(publicPages.toArray(String[]::new)).permitAll()
				.requestMatchers("/actuator/prometheus").access(metricsScrapers);
			// The API's description names every route and field: open to visitors only by choice.
			if (apiDocsPublic) {
				requests.requestMatchers(API_DOCS).permitAll();
			}
			else {
				requests.requestMatchers(API_DOCS).authenticated();
			}
			requests.requestMatchers("/console/users", "/console/users/**").hasAnyRole(DIRECTORY_ROLES)
				.requestMatchers("/console/**").hasRole("STAFF")
				.requestMatchers("/app/**").hasRole("CUSTOMER")
				// What no rule names is refused, so a new route is closed until someone opens it.
				.anyRequest().denyAll();
		})
			.csrf(csrf -> csrf.csrfTokenRepository(csrfTokens))
			.exceptionHandling(errors -> errors.accessDeniedHandler(announcingCsrf(events, new AccessDeniedHandlerImpl())))
			.formLogin(form -> form.loginPage("/sign-in").defaultSuccessUrl("/app", false).permitAll())
			.logout(logout -> logout.logoutUrl("/sign-out").logoutSuccessUrl("/?signed-out").addLogoutHandler(clearSiteData()))
			.addFilterAfter(new TenancyFilter(tenancy, availability), AnonymousAuthenticationFilter.class);
		headers(http);
		for (SecurityContributor contributor : contributors) {
			contributor.contribute(http, SecurityContributor.Chain.PAGES);
		}
		return http.build();
	}

	// Resolved on first use: the check's implementation needs beans built after the filter chains.
	private static Supplier<Availability> availability(ObjectProvider<Availability> availabilities) {
		return org.springframework.util.function.SingletonSupplier
			.of(() -> availabilities.getIfAvailable(() -> Availability.ALWAYS));
	}

	private static void headers(HttpSecurity http) throws Exception {
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31536000))
			.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")));
	}
}
