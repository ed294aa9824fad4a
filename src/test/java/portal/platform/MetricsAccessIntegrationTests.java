package portal.platform;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import portal.PortalIntegrationTest;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@PortalIntegrationTest
@DisplayName("Operations endpoints show what monitoring needs, and only to it")
class MetricsAccessIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	@DisplayName("metrics answer the monitoring network and refuse other addresses")
	void metricsOnlyForTheMonitoringNetwork() throws Exception {
		mvc.perform(get("/actuator/prometheus"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("jvm_memory")));
		mvc.perform(get("/actuator/prometheus").with(request -> {
			request.setRemoteAddr("203.0.113.5");
			return request;
		})).andExpect(status().is3xxRedirection());
	}

	@Test
	@DisplayName("health is public and UP, without listing its components to strangers")
	void healthIsPublicButTerse() throws Exception {
		mvc.perform(get("/actuator/health"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("\"status\":\"UP\"")))
			.andExpect(content().string(not(containsString("components"))));
	}
}
