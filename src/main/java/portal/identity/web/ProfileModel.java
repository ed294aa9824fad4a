package portal.identity.web;

import java.time.Clock;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import portal.identity.PortalUser;
import portal.identity.profile.JointUses;
import portal.identity.profile.Profiles;
import portal.identity.profile.TimeZoneSettings;
import portal.identity.signin.OwnSessions;
import portal.identity.tokens.PersonalTokens;

/** What the profile page shows, in the customer portal and in the console alike. */
@Component
class ProfileModel {

	private final Profiles profiles;

	private final JointUses jointUses;

	private final OwnSessions sessions;

	private final PersonalTokens tokens;

	private final Clock clock;

	private final TimeZoneSettings timeZones;

	ProfileModel(Profiles profiles, JointUses jointUses, OwnSessions sessions, PersonalTokens tokens, Clock clock,
			TimeZoneSettings timeZones) {
		this.timeZones = timeZones;
		this.profiles = profiles;
		this.jointUses = jointUses;
		this.sessions = sessions;
		this.tokens = tokens;
		this.clock = clock;
	}

	void show(Model model, PortalUser user, Locale locale, HttpServletRequest request) {
		HttpSession session = request.getSession(false);
		model.addAttribute("area", area(user));
		model.addAttribute("base", base(user));
		model.addAttribute("me", profiles.me(user));
		model.addAttribute("jointUse", jointUses.of(user).stream()
			.map(use -> new JointUseRow(use.companyName(), country(use.country(), locale)))
			.toList());
		model.addAttribute("sessions", sessions.of(user, session == null ? "" : session.getId()));
		model.addAttribute("tokens", tokens.of(user));
		model.addAttribute("canCreateTokens", !user.viaApiToken());
		model.addAttribute("now", clock.instant());
		model.addAttribute("tokenErrors", Map.of());
		model.addAttribute("sessionsErrors", Map.of());
		model.addAttribute("passwordErrors", Map.of());
		model.addAttribute("timeZone", timeZones.chosen(user).map(java.time.ZoneId::getId).orElse(""));
		model.addAttribute("timeZoneNames", portal.platform.web.TimeZones.names());
		model.addAttribute("timeZoneErrors", Map.of());
		if (!model.containsAttribute("tokenForm")) {
			model.addAttribute("tokenForm", TokenForm.empty());
		}
		// Secrets typed into the password form are never sent back.
		model.addAttribute("passwordForm", PasswordForm.empty());
	}

	/** The area and the person, for the withdrawal pages. */
	void showPerson(Model model, PortalUser user) {
		model.addAttribute("area", area(user));
		model.addAttribute("base", base(user));
		model.addAttribute("me", profiles.me(user));
	}

	static String area(PortalUser user) {
		return user.staff() ? "console" : "app";
	}

	static String base(PortalUser user) {
		return "/" + area(user) + "/profile";
	}

	/** A country code in the reader's language; anything that is not a code is shown as it is. */
	static String country(String code, Locale locale) {
		if (code == null || !code.matches("[A-Za-z]{2}")) {
			return code;
		}
		String name = new Locale("", code.toUpperCase(Locale.ROOT)).getDisplayCountry(locale);
		return name.isBlank() ? code : name;
	}

	/** One row of the joint-use register (R-PI.2). */
	record JointUseRow(String company, String country) {
	}
}
