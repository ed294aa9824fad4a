package portal.platform.security;

import java.util.UUID;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import portal.PortalIntegrationTest;
import portal.platform.RateLimits;

import static org.assertj.core.api.Assertions.assertThat;

@PortalIntegrationTest
@DisplayName("R-7.5 Every API request spends from a budget per token, session or address")
class ApiRequestBudgetIntegrationTests {

	@Autowired
	RateLimits limits;

	@Test
	@DisplayName("R-7.5 a token past its budget is answered 429 as a problem detail; another token is unaffected")
	void tokenPastItsBudgetGets429() throws Exception {
		ApiRequestBudget budget = new ApiRequestBudget(limits, 2);
		String token = "cpt_" + UUID.randomUUID();
		assertThat(call(budget, token).getStatus()).isEqualTo(200);
		assertThat(call(budget, token).getStatus()).isEqualTo(200);
		MockHttpServletResponse refused = call(budget, token);
		assertThat(refused.getStatus()).isEqualTo(429);
		assertThat(refused.getContentType()).contains("application/problem+json");
		assertThat(call(budget, "cpt_" + UUID.randomUUID()).getStatus()).isEqualTo(200);
	}

	private static MockHttpServletResponse call(ApiRequestBudget budget, String token) throws Exception {
		MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/me");
		request.addHeader("Authorization", "Bearer " + token);
		MockHttpServletResponse response = new MockHttpServletResponse();
		budget.doFilter(request, response, new MockFilterChain());
		return response;
	}
}
