/*
 * Behaviour shared by every page of the portal.
 *
 * Written in ES5 on purpose: it has to run in the old browsers it warns about.
 * The minimum versions match the supported operating environment page; change both together.
 */
(function () {
	'use strict';

	var MINIMUM_VERSIONS = { chromium: 120, edge: 120, firefox: 121, safari: 17 };
	var DISMISSED_KEY = 'portal.browser-banner.dismissed';

	function majorVersion(text, pattern) {
		var match = pattern.exec(text);
		return match ? parseInt(match[1], 10) : null;
	}

	function browser(name, version) {
		return { name: name, version: version };
	}

	function fromBrands(brands) {
		var i;
		var chromium = null;
		for (i = 0; i < brands.length; i++) {
			if (brands[i].brand === 'Microsoft Edge') {
				return browser('edge', parseInt(brands[i].version, 10));
			}
			if (brands[i].brand === 'Chromium' || brands[i].brand === 'Google Chrome') {
				chromium = browser('chromium', parseInt(brands[i].version, 10));
			}
		}
		return chromium;
	}

	function fromUserAgent(userAgent) {
		var version;
		// Every browser on iOS and iPadOS runs Safari's engine, so the system version is what counts.
		if (/iPhone|iPad|iPod/.test(userAgent)) {
			version = majorVersion(userAgent, /OS (\d+)_/);
			return version === null ? null : browser('safari', version);
		}
		if ((version = majorVersion(userAgent, /Edg(?:e|A|iOS)?\/(\d+)/)) !== null) {
			return browser('edge', version);
		}
		if ((version = majorVersion(userAgent, /(?:Chrome|Chromium|CriOS)\/(\d+)/)) !== null) {
			return browser('chromium', version);
		}
		if ((version = majorVersion(userAgent, /Firefox\/(\d+)/)) !== null) {
			return browser('firefox', version);
		}
		if (/Safari\//.test(userAgent) && (version = majorVersion(userAgent, /Version\/(\d+)/)) !== null) {
			return browser('safari', version);
		}
		return null;
	}

	/**
	 * Whether a browser is supported, from its user agent string and, where the browser offers
	 * them, its User-Agent Client Hints brands (more reliable than the frozen string).
	 */
	function isSupported(userAgent, brands) {
		var found = (brands && brands.length ? fromBrands(brands) : null) || fromUserAgent(userAgent || '');
		return found !== null && !isNaN(found.version) && found.version >= MINIMUM_VERSIONS[found.name];
	}

	function wasDismissed() {
		try {
			return window.sessionStorage.getItem(DISMISSED_KEY) === 'yes';
		} catch (storageBlocked) {
			return false;
		}
	}

	function rememberDismissal() {
		try {
			window.sessionStorage.setItem(DISMISSED_KEY, 'yes');
		} catch (storageBlocked) {
			// Without storage the banner simply comes back on the next page.
		}
	}

	function showBrowserBanner() {
		var banner = document.getElementById('browser-banner');
		var hints = navigator.userAgentData;
		if (!banner || wasDismissed() || isSupported(navigator.userAgent, hints && hints.brands)) {
			return;
		}
		banner.removeAttribute('hidden');
		var close = banner.querySelector('[data-portal-dismiss]');
		if (close) {
			// Handled here rather than by Bootstrap, whose script old browsers cannot run.
			close.addEventListener('click', function () {
				banner.setAttribute('hidden', '');
				rememberDismissal();
			});
		}
	}

	window.PortalBrowserSupport = { isSupported: isSupported };

	if (document.readyState === 'loading') {
		document.addEventListener('DOMContentLoaded', showBrowserBanner);
	} else {
		showBrowserBanner();
	}
}());
