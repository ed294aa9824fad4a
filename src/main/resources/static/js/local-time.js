// Shows each <time data-local-time datetime="…"> in the reader's own time zone, naming the zone.
document.addEventListener('DOMContentLoaded', function () {
	var format = new Intl.DateTimeFormat(document.documentElement.lang || undefined, {
		year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', timeZoneName: 'short'
	});
	document.querySelectorAll('time[data-local-time]').forEach(function (element) {
		var date = new Date(element.getAttribute('datetime'));
		if (!isNaN(date.getTime())) {
			element.textContent = format.format(date);
		}
	});
});

// Fills an empty time-zone field with the browser's own zone, so a date typed is meant where the person is.
document.addEventListener('DOMContentLoaded', function () {
	document.querySelectorAll('input[data-local-zone]').forEach(function (input) {
		if (!input.value || input.value === 'UTC') {
			input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
		}
	});
});
