package portal.usage;

import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.stereotype.Component;

/** Whether demo usage is still being generated in the background, so pages can say so. */
@Component
public class DemoLoading {

	private final AtomicBoolean loading = new AtomicBoolean();

	public boolean inProgress() {
		return loading.get();
	}

	void started() {
		loading.set(true);
	}

	void finished() {
		loading.set(false);
	}
}
