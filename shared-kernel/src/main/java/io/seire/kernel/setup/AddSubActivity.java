package io.seire.kernel.setup;

import io.seire.kernel.ProjectCommand;

/** Add a numbered work package to a project. */
public record AddSubActivity(String projectId, String code, String name) implements ProjectCommand {
}
