package portal.identity.web;

import jakarta.validation.constraints.Size;

/** The time zone chosen on the profile page: an IANA name, or blank for the browser's own. */
record TimeZoneForm(@Size(max = 64, message = "identity.page.error.refused.timeZone") String timeZone) {
}
