package portal.platform;

/**
 * A request the security chains refused before any module saw it (a missing or wrong CSRF
 * token), published so that the module keeping the audit trail can record it.
 */
public record SecurityRefused(String reason, String path, String origin) {
}
