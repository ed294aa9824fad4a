package portal.platform.problems;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.servlet.View;

/** Writes a problem detail as JSON even where the caller asked for HTML (TM Forum's shape under {@code /tmf-api/}). */
record ProblemView(ProblemDetail problem) implements View {

	@Override
	public String getContentType() {
		return MediaType.APPLICATION_PROBLEM_JSON_VALUE;
	}

	@Override
	public void render(Map<String, ?> model, HttpServletRequest request, HttpServletResponse response)
			throws Exception {
		Problems.write(request, response, problem);
	}
}
