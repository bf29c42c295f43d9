package dev.sweep.cli;

/** What a sweep is printed as on stdout. */
enum ReportFormat {
    /** The report for people. */
    TEXT,
    /** One JSON document per sweep (README, "JSON output"). */
    JSON,
    /** A header line, then the summary rows of each sweep (README, "CSV output"). */
    CSV
}
