// Tells the portal the browser's own time zone, so that times are shown where the person is
// unless their profile names another zone. The server checks the name; a wrong one is ignored.
(function () {
	'use strict';
	var zone;
	try {
		zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
	} catch (ignored) {
		return;
	}
	if (!zone) {
		return;
	}
	var value = encodeURIComponent(zone);
	var current = document.cookie.split('; ').filter(function (c) { return c.indexOf('portal-tz=') === 0; })[0];
	if (current === 'portal-tz=' + value) {
		return;
	}
	document.cookie = 'portal-tz=' + value + '; path=/; max-age=31536000; SameSite=Lax'
		+ (location.protocol === 'https:' ? '; Secure' : '');
})();
