package dev.sweep.report.render;

/** How many fills the text report lists. */
public enum FillList {
    /** The first and last few of each report and how many are left out: the report stays short. */
    SUMMARY,
    /** Every fill. */
    ALL
}
