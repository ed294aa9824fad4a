package portal.catalog;

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
@DisplayName("R-4.1 The Portal Page lists the relevant services")
class RelevantServicesPageIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Test
	@DisplayName("R-4.1 the public page lists all 16 services, in English and in Japanese")
	void listsServices() throws Exception {
		mvc.perform(get("/portal-page/relevant-services"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Arcstar Universal One")))
			.andExpect(content().string(containsString("docomo business ANCER Rec")))
			.andExpect(content().string(containsString("<html")));
		mvc.perform(get("/portal-page/relevant-services").param("lang", "ja"))
			.andExpect(content().string(containsString("対象サービス")));
	}

	@Test
	@DisplayName("R-4.1 with HX-Request only the list fragment is returned, for the Portal Page to load")
	void fragmentForHtmx() throws Exception {
		mvc.perform(get("/portal-page/relevant-services").header("HX-Request", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("relevant-services-list")))
			.andExpect(content().string(containsString("Nexcenter")))
			.andExpect(content().string(not(containsString("<html"))));
	}
}
