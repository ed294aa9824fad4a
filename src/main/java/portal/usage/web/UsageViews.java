package portal.usage.web;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;
import portal.usage.DemoLoading;
import portal.usage.QueryResult;
import portal.usage.Stat;
import portal.usage.Step;
import portal.usage.UsageDashboard;
import portal.usage.UsageQueries;
import portal.platform.web.TimeFormat;
import portal.platform.web.Times;
import tools.jackson.databind.json.JsonMapper;

/** Fills the usage pages' models the same way for the customer portal and the console. */
@Component
class UsageViews {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final UsageDashboard dashboard;

	private final UsageQueries queries;

	private final DemoLoading demo;

	private final Clock clock;

	private final Times times;

	UsageViews(UsageDashboard dashboard, UsageQueries queries, DemoLoading demo, Clock clock, Times times) {
		this.times = times;
		this.dashboard = dashboard;
		this.queries = queries;
		this.demo = demo;
		this.clock = clock;
	}

	/** The dashboard page; {@code instancesList} is the list of the customer's instances a card links to. */
	String dashboard(UUID customer, String base, String instancesList, String area, Model model, Locale locale) {
		model.addAttribute("area", area);
		model.addAttribute("base", base);
		model.addAttribute("instancesList", instancesList);
		model.addAttribute("dashboard", dashboard.dashboard(customer, locale));
		model.addAttribute("demoLoading", demo.inProgress());
		return "usage/dashboard";
	}

	String instance(UUID customer, String instanceId, RangeForm range, String base, String area, Model model,
			Locale locale) {
		// A custom range that cannot be shown comes back in its fields with the reason beside them, over the
		// last 24 hours meanwhile, as a step too fine for its range is answered beside the step.
		Optional<String> rangeProblem = range.problem();
		Window window = rangeProblem.isPresent() ? last24Hours() : window(range);
		model.addAttribute("rangeError", rangeProblem.map(problem -> "usage.range.error." + problem).orElse(null));
		model.addAttribute("maxDays", RangeForm.MAX_DAYS);
		Duration length = Duration.between(window.from(), window.to());
		// A finer step than the one picked for the range is read if it stays within a week of 5-minute points.
		Step requested = Step.of(range.step()).orElse(null);
		boolean tooFine = requested != null && requested.pointsOver(length) > Step.FINE_CHART_POINTS;
		UsageDashboard.InstanceView view = dashboard
			.instance(customer, instanceId, window.from(), window.to(), tooFine ? null : requested, locale)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("stepTooFine", tooFine);
		model.addAttribute("finePoints", Step.FINE_CHART_POINTS);
		model.addAttribute("stepPicked", requested == null || tooFine);
		model.addAttribute("area", area);
		model.addAttribute("base", base);
		model.addAttribute("range", range);
		model.addAttribute("view", view);
		model.addAttribute("demoLoading", demo.inProgress());
		QueryResult points = view.points();
		model.addAttribute("chartData", points == null ? "" : JSON.writeValueAsString(points));
		// The chart draws its time axis in the person's zone, as the table beside it is written.
		model.addAttribute("zone", times.zoneId());
		model.addAttribute("exportQuery", points == null ? "" : exportQuery(points));
		model.addAttribute("rows", points == null ? List.of() : rows(points));
		return "usage/instance";
	}

	void export(UUID customer, List<Long> series, Instant from, Instant to, String step, HttpServletResponse response)
			throws IOException {
		Step chosen = Step.of(step).orElse(Step.forRange(Duration.between(from, to)));
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader("Content-Disposition", "attachment; filename=\"usage.csv\"");
		Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
		queries.export(customer, series, from, to, chosen, Stat.MEAN, out);
		out.flush();
	}

	/** A row of the table beside the charts: a step's time, as shown to the person, and each series' value then. */
	record Row(Instant time, String shown, List<Double> values) {
	}

	// One row per step with a column per series: each time is formatted once, not once per series.
	private List<Row> rows(QueryResult points) {
		TimeFormat format = times.format();
		List<Row> rows = new ArrayList<>(points.times().size());
		for (int i = 0; i < points.times().size(); i++) {
			List<Double> values = new ArrayList<>(points.series().size());
			for (QueryResult.Points series : points.series()) {
				values.add(series.values().get(i));
			}
			Instant time = points.times().get(i);
			rows.add(new Row(time, format.dateTime(time), values));
		}
		return rows;
	}

	private static String exportQuery(QueryResult points) {
		StringBuilder query = new StringBuilder();
		points.series().forEach(p -> query.append("series=").append(p.series().id()).append('&'));
		return query.append("from=").append(points.from()).append("&to=").append(points.to()).append("&step=")
			.append(points.step()).toString();
	}

	private record Window(Instant from, Instant to) {
	}

	// The fixed ranges end with the hour under way.
	private Instant end() {
		return clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(1));
	}

	private Window last24Hours() {
		Instant end = end();
		return new Window(end.minus(Duration.ofHours(24)), end);
	}

	private Window window(RangeForm range) {
		Instant end = end();
		return switch (range.range()) {
			case "7d" -> new Window(end.minus(Duration.ofDays(7)), end);
			case "30d" -> new Window(end.minus(Duration.ofDays(30)), end);
			case "90d" -> new Window(end.minus(Duration.ofDays(90)), end);
			case "custom" -> custom(range);
			default -> last24Hours();
		};
	}

	// A custom range runs from midnight to midnight where the person is.
	private Window custom(RangeForm range) {
		return new Window(times.startOf(range.firstDay()), times.startOf(range.lastDay().plusDays(1)));
	}
}
