/*
 * Usage pages: charts of aligned points (gaps stay gaps: spanGaps is off), unit-aware axes,
 * times in the person's time zone (the page names it; the server writes the table's times in it),
 * and a CSV download that shows its progress.
 */
(function () {
	'use strict';

	var SCALES = {
		bps: [[1, 'bit/s'], [1e3, 'kbit/s'], [1e6, 'Mbit/s'], [1e9, 'Gbit/s'], [1e12, 'Tbit/s']],
		bytes: [[1, 'B'], [1e3, 'kB'], [1e6, 'MB'], [1e9, 'GB'], [1e12, 'TB']]
	};

	/** The divisor and label that keep the largest value between 1 and 1000. */
	function scaleFor(unit, max) {
		var steps = SCALES[unit];
		if (!steps) {
			return { divisor: 1, label: unit };
		}
		var chosen = steps[0];
		for (var i = 0; i < steps.length; i++) {
			if (max >= steps[i][0]) {
				chosen = steps[i];
			}
		}
		return { divisor: chosen[0], label: chosen[1] };
	}

	function localValues(locale) {
		document.querySelectorAll('.usage-value').forEach(function (element) {
			var value = parseFloat(element.getAttribute('data-value'));
			var scale = scaleFor(element.getAttribute('data-unit'), Math.abs(value));
			element.textContent = (value / scale.divisor).toLocaleString(locale, { maximumFractionDigits: 2 }) + ' '
				+ scale.label;
		});
	}

	function charts(holder) {
		var data = JSON.parse(holder.getAttribute('data-usage'));
		var locale = holder.getAttribute('data-locale');
		var zone = holder.getAttribute('data-zone') || 'UTC';
		var step = data.step;
		var options = step === '1d' ? { dateStyle: 'medium' } : { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit' };
		options.timeZone = zone;
		var format;
		try {
			format = new Intl.DateTimeFormat(locale, options);
		} catch (unknownZone) {
			options.timeZone = 'UTC';
			format = new Intl.DateTimeFormat(locale, options);
		}
		var labels = data.times.map(function (time) { return format.format(new Date(time)); });
		data.series.forEach(function (points, index) {
			var canvas = document.getElementById('chart-' + index);
			if (!canvas || typeof Chart === 'undefined') {
				return;
			}
			var max = 0;
			points.values.forEach(function (v) { if (v !== null && Math.abs(v) > max) { max = Math.abs(v); } });
			var scale = scaleFor(points.series.unit, max);
			var values = points.values.map(function (v) { return v === null ? null : v / scale.divisor; });
			canvas.setAttribute('data-points', String(values.filter(function (v) { return v !== null; }).length));
			canvas.setAttribute('data-gaps', String(values.filter(function (v) { return v === null; }).length));
			new Chart(canvas, {
				type: 'line',
				data: { labels: labels, datasets: [{ label: points.series.metricName + ' (' + scale.label + ')',
					data: values, spanGaps: false, borderColor: '#0b5ed7', backgroundColor: 'rgba(11,94,215,.15)',
					pointRadius: 0, borderWidth: 1.5, fill: false }] },
				options: { animation: false, maintainAspectRatio: false, spanGaps: false,
					scales: { y: { beginAtZero: true, title: { display: true, text: scale.label } },
						x: { ticks: { maxTicksLimit: 8 }, title: { display: true, text: zone } } },
					plugins: { legend: { display: true } } }
			});
		});
	}

	/** Downloads the CSV with fetch, showing how much has arrived, then hands it over as a file. */
	function exportWithProgress(link) {
		var status = document.getElementById('usage-export-status');
		link.addEventListener('click', function (event) {
			if (!window.fetch || !window.ReadableStream) {
				return;
			}
			event.preventDefault();
			fetch(link.href, { credentials: 'same-origin' }).then(function (response) {
				var reader = response.body.getReader();
				var chunks = [];
				var received = 0;
				function pump() {
					return reader.read().then(function (result) {
						if (result.done) {
							var url = URL.createObjectURL(new Blob(chunks, { type: 'text/csv' }));
							var a = document.createElement('a');
							a.href = url;
							a.download = 'usage.csv';
							document.body.appendChild(a);
							a.click();
							a.remove();
							status.textContent = status.getAttribute('data-done');
							return;
						}
						chunks.push(result.value);
						received += result.value.length;
						status.textContent = status.getAttribute('data-progress').replace('{0}',
							Math.round(received / 1024).toLocaleString());
						return pump();
					});
				}
				return pump();
			});
		});
	}

	/** Outage segments are placed from data attributes: the CSP allows no inline styles. */
	function placeOutages() {
		document.querySelectorAll('.usage-outage[data-left]').forEach(function (segment) {
			segment.style.left = segment.getAttribute('data-left') + '%';
			segment.style.width = segment.getAttribute('data-width') + '%';
		});
	}

	document.addEventListener('DOMContentLoaded', function () {
		placeOutages();
		var holder = document.getElementById('usage-data');
		var locale = holder ? holder.getAttribute('data-locale') : document.documentElement.lang;
		localValues(locale || undefined);
		if (holder && holder.getAttribute('data-usage')) {
			charts(holder);
		}
		var link = document.getElementById('usage-export');
		if (link) {
			exportWithProgress(link);
		}
	});
})();
