package io.seire.kernel.reporting;

/** An interim or the final monitoring report. */
public enum ReportKind { INTERIM, FINAL }
