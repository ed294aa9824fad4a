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
	// Over HTTPS the cookie is Secure, for this host only and for every path: the __Host- prefix
	// makes browsers refuse it from anywhere else (a sibling subdomain, plain HTTP).
	var secure = location.protocol === 'https:';
	var name = secure ? '__Host-portal-tz' : 'portal-tz';
	var current = document.cookie.split('; ').filter(function (c) { return c.indexOf(name + '=') === 0; })[0];
	if (current === name + '=' + value) {
		return;
	}
	document.cookie = name + '=' + value + '; Path=/; max-age=31536000; SameSite=Lax' + (secure ? '; Secure' : '');
})();
