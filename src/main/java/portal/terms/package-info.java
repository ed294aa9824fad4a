/**
 * Versioned documents (the portal terms, the Terms of Personal Information Protection,
 * service specifications and conditions): drafts, publication with an effective date,
 * translations, the version in force, history and differences, who accepted which version
 * when, and which version an administrator confirmed a person consented to before
 * registering them ({@link portal.terms.ConsentConfirmations}).
 * Publishing an amendment notifies the affected customers through a
 * {@link portal.notices.events.NoticeRequested}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Terms",
		allowedDependencies = { "platform", "platform :: *", "audit", "notices :: events" })
package portal.terms;
