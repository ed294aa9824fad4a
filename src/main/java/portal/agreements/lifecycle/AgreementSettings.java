package portal.agreements.lifecycle;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The notice periods and limits of {@code portal.agreements.*}. */
@Component
public class AgreementSettings {

	private final Duration suspensionNotice;

	private final Duration terminationNotice;

	private final Duration withdrawalNotice;

	private final int applicationsPerAddressPerHour;

	AgreementSettings(@Value("${portal.agreements.suspension-notice:7d}") Duration suspensionNotice,
			@Value("${portal.agreements.termination-notice:30d}") Duration terminationNotice,
			@Value("${portal.agreements.withdrawal-notice:90d}") Duration withdrawalNotice,
			@Value("${portal.agreements.applications-per-address-per-hour:10}") int applicationsPerAddressPerHour) {
		this.suspensionNotice = suspensionNotice;
		this.terminationNotice = terminationNotice;
		this.withdrawalNotice = withdrawalNotice;
		this.applicationsPerAddressPerHour = applicationsPerAddressPerHour;
	}

	public Suspension.Notice notice() {
		return new Suspension.Notice(suspensionNotice, withdrawalNotice);
	}

	public Duration terminationNotice() {
		return terminationNotice;
	}

	public int applicationsPerAddressPerHour() {
		return applicationsPerAddressPerHour;
	}
}
