package portal.platform.problems;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses API request bodies ({@code /api/}, {@code /tmf-api/}) over the limit before anything reads them: a
 * declared length over the limit is answered at once with 413; a body without a declared
 * length is cut off when it passes the limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestBodyLimit extends OncePerRequestFilter {

	private final long limit;

	private final long bulkLimit;

	private final java.util.List<String> bulkPaths;

	RequestBodyLimit(@Value("${portal.request.max-body-bytes}") long limit,
			@Value("${portal.request.max-bulk-body-bytes}") long bulkLimit,
			@Value("${portal.request.bulk-paths:}") java.util.List<String> bulkPaths) {
		this.limit = limit;
		this.bulkLimit = bulkLimit;
		this.bulkPaths = java.util.List.copyOf(bulkPaths);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !Problems.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		// Bulk uploads (usage samples) stream through with bounded memory, so they may be larger.
		String path = request.getRequestURI().substring(request.getContextPath().length());
		long limit = bulkPaths.contains(path) ? bulkLimit : this.limit;
		if (request.getContentLengthLong() > limit) {
			Problems.write(request, response, Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large",
					new PayloadTooLargeException(limit).getMessage()));
			return;
		}
		chain.doFilter(request.getContentLengthLong() < 0 ? new Limited(request, limit) : request, response);
	}

	private static final class Limited extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		Limited(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new CountingStream(super.getInputStream(), limit);
			}
			return stream;
		}
	}

	private static final class CountingStream extends ServletInputStream {

		private final ServletInputStream target;

		private final long limit;

		private long read;

		CountingStream(ServletInputStream target, long limit) {
			this.target = target;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = target.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = target.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) throws IOException {
			read += n;
			if (read > limit) {
				throw new PayloadTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return target.isFinished();
		}

		@Override
		public boolean isReady() {
			return target.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			target.setReadListener(listener);
		}
	}
}
