package portal.agreements.lifecycle;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import portal.notices.events.NoticeRequested;
import portal.notices.events.NoticeRequested.Audience;
import portal.notices.events.NoticeRequested.Kind;

/** The notices the agreement's life sends, in English (authentic) and Japanese. */
final class AgreementNotices {

	private AgreementNotices() {
	}

	/**
	 * Planned suspensions and withdrawals are announced now; emergencies become visible when
	 * they start; breaches say the reason, the start and the period.
	 */
	static NoticeRequested suspension(Suspension s, Instant now) {
		Audience audience = s.customerId().map(Audience::customer).orElseGet(Audience::allCustomers);
		String period = period(s);
		String what = s.describe();
		Kind kind = s.kind() == SuspensionKind.PLANNED ? Kind.MAINTENANCE : Kind.SUSPENSION;
		Instant publishAt = s.kind() == SuspensionKind.EMERGENCY ? s.startsAt() : now;
		String step = switch (s.kind()) {
			case PLANNED, WITHDRAWAL -> "announced";
			case EMERGENCY -> "started";
			case BREACH -> "breach";
		};
		String titleEn = switch (s.kind()) {
			case PLANNED -> "Planned suspension of the portal";
			case EMERGENCY -> "Emergency suspension of the portal";
			case BREACH -> "Suspension of your use of the portal";
			case WITHDRAWAL -> "Withdrawal of a part of the portal";
		};
		String titleJa = switch (s.kind()) {
			case PLANNED -> "ポータルの計画停止のお知らせ";
			case EMERGENCY -> "ポータルの緊急停止のお知らせ";
			case BREACH -> "ポータルのご利用停止のお知らせ";
			case WITHDRAWAL -> "ポータルの一部提供終了のお知らせ";
		};
		String cure = s.cureDeadline().map(d -> "\n\nCure deadline: " + d + ".").orElse("");
		String cureJa = s.cureDeadline().map(d -> "\n\n是正期限: " + d).orElse("");
		String bodyEn = "What: " + what + ".\n\nReason: " + reasonEn(s.reason()) + " (" + s.reason().code() + ").\n\n"
				+ "Period: " + period + "." + cure;
		String bodyJa = "対象: " + what + "\n\n理由: " + s.reason().code() + "\n\n期間: " + period + cureJa;
		return new NoticeRequested("suspension:" + s.id() + ":" + step, kind, audience, titleEn, bodyEn, titleJa, bodyJa,
				publishAt, s.startsAt(), s.endsAt().orElse(null),
				s.relevantService().map(Set::of).orElse(Set.of()));
	}

	/**
	 * The lift itself is the news; it announces no window of its own, and a planned suspension
	 * lifted before it starts would otherwise announce one that ends before it begins.
	 */
	static NoticeRequested lifted(Suspension s, Instant now) {
		Audience audience = s.customerId().map(Audience::customer).orElseGet(Audience::allCustomers);
		return new NoticeRequested("suspension:" + s.id() + ":lifted", Kind.SUSPENSION, audience,
				"Suspension lifted", "The " + s.describe() + " was lifted on " + now + ".", "停止の解除",
				s.describe() + " は " + now + " に解除されました。", now, null, null, Set.of());
	}

	static NoticeRequested termination(UUID customerId, Instant effectiveAt, String reason, String key) {
		return new NoticeRequested(key, Kind.TERMINATION, Audience.customer(customerId),
				"Termination of your Portal Agreement",
				"Your Portal Agreement terminates on " + effectiveAt + ".\n\nReason: " + reason
						+ ".\n\nFrom then on your users can no longer sign in; your data is kept until its retention period ends.",
				"ポータル契約の解約のお知らせ", "ポータル契約は " + effectiveAt + " に終了します。理由: " + reason,
				null, effectiveAt, null, Set.of());
	}

	/** On the effective date: published then, so it shows and mails from that moment. */
	static NoticeRequested terminated(UUID customerId, Instant effectiveAt, String key) {
		return new NoticeRequested(key, Kind.TERMINATION, Audience.customer(customerId),
				"Your Portal Agreement has terminated",
				"Your Portal Agreement terminated on " + effectiveAt + ". Your users can no longer sign in, and their "
						+ "sessions and API tokens have ended.\n\nYour data is kept until its retention period ends.",
				"ポータル契約は終了しました", "ポータル契約は " + effectiveAt + " に終了しました。ユーザーはサインインできず、"
						+ "セッションと API トークンは無効になりました。データは保存期間が終わるまで保管されます。",
				effectiveAt, effectiveAt, null, Set.of());
	}

	static NoticeRequested terminationCancelled(UUID customerId, String detail, Instant now, String key) {
		return new NoticeRequested(key, Kind.TERMINATION, Audience.customer(customerId),
				"Termination of your Portal Agreement cancelled", "The scheduled termination no longer applies: " + detail
						+ ".", "ポータル契約の解約の取り消し", "予定されていた解約は取り消されました。", now, null, null, Set.of());
	}

	private static String period(Suspension s) {
		return "from " + s.startsAt() + s.endsAt().map(end -> " until " + end).orElse(" until further notice");
	}

	private static String reasonEn(SuspensionReason reason) {
		return switch (reason) {
			case MAINTENANCE -> "maintenance or unavoidable work on telecommunication facilities";
			case CUSTOMER_SIDE -> "needed because of the customer's own systems or data";
			case THIRD_PARTY -> "service made difficult by a third party";
			case FORCE_MAJEURE -> "force majeure or another emergency";
			case UNAUTHORIZED_ACCESS -> "protection against unauthorised access";
			case REASONABLE_GROUNDS -> "objective and reasonable grounds";
			case UNTRUE_DOCUMENTS -> "information in the application proved untrue";
			case UNTRUE_CHANGES -> "information given for a change proved untrue";
			case PROHIBITED_ACTS -> "prohibited acts";
			case HINDERING_BREACH -> "a breach that hinders the Company's business or facilities";
		};
	}
}
