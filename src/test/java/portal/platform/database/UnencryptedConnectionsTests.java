package portal.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.mock.env.MockEnvironment;

@DisplayName("ASVS 12.3 A warning at start for connections to other hosts without validated TLS")
@ExtendWith(OutputCaptureExtension.class)
class UnencryptedConnectionsTests {

	@Test
	@DisplayName("ASVS 12.3.2 a remote database without sslmode, or with a mode that does not validate, is warned about")
	void remoteDatabaseWithoutValidation() {
		assertThat(UnencryptedConnections.database("jdbc:postgresql://db.example:5432/portal", null))
			.hasValueSatisfying(warning -> assertThat(warning).contains("sslmode=verify-full"));
		assertThat(UnencryptedConnections.database("jdbc:postgresql://db.example/portal?sslmode=require", null))
			.hasValueSatisfying(warning -> assertThat(warning).contains("sslmode=require"));
		assertThat(UnencryptedConnections.database("jdbc:postgresql://localhost,db.example/portal", null)).isPresent();
		assertThat(UnencryptedConnections.database("jdbc:postgresql://db.example/portal?sslmode=disable",
				"verify-full")).isPresent();
	}

	@Test
	@DisplayName("ASVS 12.3.2 verify-full or verify-ca, in the URL or as a driver property, is quiet")
	void validatingModes() {
		assertThat(UnencryptedConnections.database("jdbc:postgresql://db.example:5432/portal?sslmode=verify-full",
				null)).isEmpty();
		assertThat(UnencryptedConnections.database("jdbc:postgresql://db.example/portal?ApplicationName=p&SSLMODE=verify-ca",
				null)).isEmpty();
		assertThat(UnencryptedConnections.database("jdbc:postgresql://db.example/portal", "verify-full")).isEmpty();
	}

	@Test
	@DisplayName("ASVS 12.3.1 the loopback and the embedded database are quiet")
	void loopbackIsQuiet() {
		assertThat(UnencryptedConnections.database(null, null)).isEmpty();
		assertThat(UnencryptedConnections.database("jdbc:postgresql://localhost:5432/portal", null)).isEmpty();
		assertThat(UnencryptedConnections.database("jdbc:postgresql://127.0.0.1/portal", null)).isEmpty();
		assertThat(UnencryptedConnections.database("jdbc:postgresql://[::1]:5432/portal", null)).isEmpty();
		assertThat(UnencryptedConnections.database("jdbc:postgresql:portal", null)).isEmpty();
	}

	@Test
	@DisplayName("ASVS 12.3.1 mail to another host needs required STARTTLS or SMTPS, with the server's name checked")
	void mail() {
		assertThat(UnencryptedConnections.mail("smtp.example", "smtp", false, false, true))
			.hasValueSatisfying(warning -> assertThat(warning).contains("starttls.required=true"));
		assertThat(UnencryptedConnections.mail("smtp.example", "smtp", true, false, false))
			.hasValueSatisfying(warning -> assertThat(warning).contains("without checking the server's name"));
		assertThat(UnencryptedConnections.mail("smtp.example", "smtp", true, false, true)).isEmpty();
		assertThat(UnencryptedConnections.mail("smtp.example", "smtps", false, false, true)).isEmpty();
		assertThat(UnencryptedConnections.mail("localhost", "smtp", false, false, true)).isEmpty();
		assertThat(UnencryptedConnections.mail(null, "smtp", false, false, true)).isEmpty();
	}

	@Test
	@DisplayName("ASVS 12.3.1 the settings are read as Spring Boot binds them, and each missing one is logged as a warning")
	void warnsFromTheSettings(CapturedOutput output) {
		new UnencryptedConnections(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example/portal?sslmode=require")
			.withProperty("spring.mail.host", "smtp.example")).warn();
		assertThat(output.getOut() + output.getErr()).contains("WARN").contains("sslmode=require")
			.contains("Mail to smtp.example is not required to be encrypted");
		int before = (output.getOut() + output.getErr()).length();
		new UnencryptedConnections(new MockEnvironment()
			.withProperty("spring.datasource.url", "jdbc:postgresql://db.example/portal")
			.withProperty("spring.datasource.hikari.data-source-properties.sslmode", "verify-full")
			.withProperty("spring.mail.host", "smtp.example")
			.withProperty("spring.mail.properties.mail.smtp.starttls.required", "true")).warn();
		assertThat((output.getOut() + output.getErr()).substring(before)).doesNotContain("sslmode=")
			.doesNotContain("Mail to");
	}
}
