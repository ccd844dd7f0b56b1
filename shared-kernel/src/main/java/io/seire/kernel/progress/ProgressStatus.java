package io.seire.kernel.progress;

/** How a sub-activity stands in a period. */
public enum ProgressStatus { NOT_STARTED, ON_TRACK, DELAYED, AT_RISK, COMPLETED }
