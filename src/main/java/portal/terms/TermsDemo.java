package portal.terms;

import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;

import org.springframework.context.annotation.Conditional;
import org.springframework.stereotype.Component;
import portal.platform.demo.DemoAccounts;
import portal.platform.demo.DemoModeEnabled;
import portal.platform.demo.DemoSeeder;

/**
 * Demo documents: an amended version of the portal terms that takes effect in a month (so
 * the public pages show "takes effect on" and a diff), and a service specification with
 * two versions. Seeded after the users, so the amendment notices reach them.
 */
@Component
@Conditional(DemoModeEnabled.class)
class TermsDemo implements DemoSeeder {

	private final Documents documents;

	private final Clock clock;

	TermsDemo(Documents documents, Clock clock) {
		this.documents = documents;
		this.clock = clock;
	}

	@Override
	public String name() {
		return "terms-documents";
	}

	@Override
	public int order() {
		return 400;
	}

	@Override
	public void seed(DemoAccounts accounts) {
		DocumentVersion current = documents.inForce("portal-terms").orElseThrow();
		String amended = current.bodyEn()
			.replace("announces planned maintenance in advance",
					"announces planned maintenance at least two weeks in advance, on the portal and by email")
			+ "\n\n## 7. Calendar of maintenance\n\nEach user can subscribe to a calendar feed of the maintenance "
			+ "windows that concern their organisation, and may revoke the feed's address at any time.";
		String amendedJa = current.bodyJa() == null ? null : current.bodyJa()
			+ "\n\n## 7. メンテナンスカレンダー\n\n各利用者は、所属組織に関係するメンテナンス予定のカレンダーを購読でき、"
			+ "その購読アドレスはいつでも無効にできます。";
		documents.publish("portal-terms", new NewVersion(current.titleEn(), amended, current.titleJa(), amendedJa,
				"Maintenance is announced at least two weeks ahead; a maintenance calendar feed is added.",
				"メンテナンスを2週間以上前にお知らせすること、およびメンテナンスカレンダーの提供を追加しました。",
				clock.instant().plus(Duration.ofDays(30)).truncatedTo(ChronoUnit.HOURS)));

		String spec = """
				## Scope

				This specification describes how Arcstar Universal One appears in the Customer Portal: which \
				contract and circuit details are shown, and how usage is reported.

				## Usage data

				Traffic figures are collected every five minutes and kept as hourly and daily summaries. They are \
				informational.

				## Support hours

				Questions about the portal pages of this service are answered on working days in Japan.""";
		documents.publish("spec-arcstar-universal-one", new NewVersion("Service specification: Arcstar Universal One",
				spec, null, null, "First version.", null, null));
		documents.publish("spec-arcstar-universal-one", new NewVersion("Service specification: Arcstar Universal One",
				spec.replace("answered on working days in Japan", "answered every day, around the clock")
					.replace("every five minutes", "every five minutes, with gaps shown as gaps"),
				null, null, "Support now answers around the clock; gaps in usage data are shown.", null, null));
	}
}
