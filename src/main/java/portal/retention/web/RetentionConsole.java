package portal.retention.web;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import portal.platform.Feature;
import portal.platform.PortalFeature;
import portal.retention.DataClass;
import portal.retention.RetentionJob;
import portal.retention.RetentionPeriods;
import portal.retention.RetentionRefusal;

/** The Company's administrators set retention periods per data class. */
@Controller
@Feature(PortalFeature.OPERATIONS)
@PreAuthorize("hasRole('STAFF_ADMIN')")
class RetentionConsole {

	private final RetentionPeriods periods;

	private final RetentionJob job;

	RetentionConsole(RetentionPeriods periods, RetentionJob job) {
		this.periods = periods;
		this.job = job;
	}

	@GetMapping("/console/retention")
	String page(Model model) {
		Map<DataClass, Integer> all = periods.all();
		model.addAttribute("periods", all);
		model.addAttribute("applied", job.applied());
		return "retention/console";
	}

	@PostMapping("/console/retention/{dataClass}")
	String set(@PathVariable String dataClass, @RequestParam(defaultValue = "0") int days,
			RedirectAttributes redirect) {
		DataClass target = DataClass.of(dataClass)
			.orElseThrow(() -> new org.springframework.web.server.ResponseStatusException(
					org.springframework.http.HttpStatus.NOT_FOUND));
		try {
			periods.set(target, days);
			redirect.addFlashAttribute("saved", target.code());
		}
		catch (RetentionRefusal ex) {
			redirect.addFlashAttribute("error", target.code());
		}
		return "redirect:/console/retention";
	}
}
