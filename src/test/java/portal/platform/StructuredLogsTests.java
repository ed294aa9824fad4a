package portal.platform;

import java.nio.charset.StandardCharsets;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.logging.logback.StructuredLogEncoder;
import org.springframework.core.env.Environment;
import org.springframework.mock.env.MockEnvironment;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("R-AUD Structured console logs: one JSON object per line, whatever a logged value holds")
class StructuredLogsTests {

	@ParameterizedTest
	@ValueSource(strings = { "ecs", "logstash", "gelf" })
	@DisplayName("R-AUD ASVS 16.2.4 16.4.1 each structured format writes one JSON line and escapes CR/LF in logged values")
	void oneJsonLinePerEvent(String format) {
		LoggerContext context = new LoggerContext();
		context.setMDCAdapter(new ch.qos.logback.classic.util.LogbackMDCAdapter());
		Environment environment = new MockEnvironment().withProperty("spring.application.name", "customer-portal");
		context.putObject(Environment.class.getName(), environment);
		StructuredLogEncoder encoder = new StructuredLogEncoder();
		encoder.setContext(context);
		encoder.setFormat(format);
		encoder.start();
		String typed = "CP1\r\n2026-11-30T00:00:00.000Z  INFO 1 --- [main] FORGED sign-in.succeeded";
		LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("portal.identity.signin.SignIn"),
				Level.WARN, "Sign-in refused for {}", null, new Object[] { typed });
		String line = new String(encoder.encode(event), StandardCharsets.UTF_8);
		assertThat(line).endsWith("\n");
		assertThat(line.strip()).doesNotContain("\n", "\r");
		JsonNode json = JsonMapper.builder().build().readTree(line);
		assertThat(json.toString()).contains("FORGED");
		String message = json.has("message") ? json.path("message").asString() : json.path("short_message").asString();
		assertThat(message).isEqualTo("Sign-in refused for " + typed);
	}
}
