package io.seire.kernel;

/** Every fact recorded about a project names the project. */
public interface ProjectEvent {
    String projectId();
}
