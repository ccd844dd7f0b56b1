package io.seire.command.write;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * The answer to a write that records something with an id: {@code {"id", "position"}}.
 *
 * @param id       what the write recorded or changed (a project, an expenditure, a staff member's id for a hire, …)
 * @param position the global position of the write's last event: read with {@code minPosition} to see the write
 */
@Schema(name = "Written", description = "A write's answer: the id it recorded and the position of its last event")
public record Written(@Schema(example = "Šveits.1.01.25-0006") String id,
                      @Schema(example = "1234") long position) {
}
