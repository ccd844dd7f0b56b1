package io.seire.kernel;

/** A command addressed to one project: the project's official code is the aggregate identifier. */
public interface ProjectCommand {
    String projectId();
}
