package io.seire.query.read;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PromptCoordinatorTest {

    @Test
    void only_the_full_buffer_wait_is_shortened_every_other_delay_is_kept_as_asked() {
        PromptCoordinator executor = new PromptCoordinator("project-views", 2);
        try {
            assertThat(executor.shortened(100, TimeUnit.MILLISECONDS)).isEqualTo(2);
            assertThat(executor.shortened(0, TimeUnit.MILLISECONDS)).isZero(); // "at once"
            assertThat(executor.shortened(500, TimeUnit.MILLISECONDS)).isEqualTo(500); // no availability callback
            assertThat(executor.shortened(5000, TimeUnit.MILLISECONDS)).isEqualTo(5000); // waiting for events
            assertThat(executor.shortened(99, TimeUnit.MILLISECONDS)).isEqualTo(99);
            assertThat(executor.shortened(100, TimeUnit.SECONDS)).isEqualTo(100_000); // an error's back-off
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void a_coordination_task_scheduled_after_the_full_buffer_wait_runs_after_the_prompt_one_on_the_coordinator_thread()
            throws Exception {
        PromptCoordinator executor = new PromptCoordinator("project-views", 2);
        try {
            CountDownLatch ran = new CountDownLatch(1);
            AtomicReference<String> thread = new AtomicReference<>();
            ScheduledFuture<?> task = executor.schedule(() -> {
                thread.set(Thread.currentThread().getName());
                ran.countDown();
            }, 100, TimeUnit.MILLISECONDS);
            assertThat(task.getDelay(TimeUnit.MILLISECONDS)).isLessThanOrEqualTo(2);
            assertThat(ran.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(thread.get()).startsWith("Coordinator[project-views]");

            ScheduledFuture<?> waiting = executor.schedule(() -> { }, 5, TimeUnit.SECONDS);
            assertThat(waiting.getDelay(TimeUnit.MILLISECONDS)).isGreaterThan(2000);
            waiting.cancel(false);
        } finally {
            executor.shutdownNow();
        }
    }

    @Test
    void a_prompt_wait_outside_one_to_one_hundred_milliseconds_is_refused() {
        assertThatThrownBy(() -> new PromptCoordinator("p", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PromptCoordinator("p", 101)).isInstanceOf(IllegalArgumentException.class);
    }
}
