package org.dossier.language.extract;

import org.dossier.language.model.DateRange;
import org.dossier.language.model.Granularity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns a TIMEX3 value from the engine ("2025-06-10", "2025-05", "2025-W23", "2025-Q2", "PRESENT_REF",
 * "XXXX-08-10") into a date range with its granularity, relative to the publication date.
 */
public final class TimeNormalizer {

    private static final Pattern DAY = Pattern.compile("^(\\d{4}|XXXX)-(\\d{2})-(\\d{2})(T.*)?$");
    private static final Pattern MONTH = Pattern.compile("^(\\d{4})-(\\d{2})$");
    private static final Pattern WEEK = Pattern.compile("^(\\d{4})-W(\\d{2})(-WE)?$");
    private static final Pattern QUARTER = Pattern.compile("^(\\d{4})-Q(\\d)$");
    private static final Pattern YEAR = Pattern.compile("^(\\d{4})$");
    private static final Pattern WRITTEN_YEAR = Pattern.compile("\\b(1[89]|20)\\d{2}\\b");

    private TimeNormalizer() {
    }

    /**
     * @param value         the TIMEX value
     * @param writtenText   the expression as written: when it names no year, the year closest to the publication
     *                      date is taken (the engine sometimes picks the previous year for "August 10th")
     * @param published     the publication date
     * @return the range, or null when the value is not a calendar date (durations, sets, unknown years)
     */
    public static DateRange normalize(String value, String writtenText, LocalDate published) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.startsWith("PRESENT_REF")) {
            return published == null ? null : DateRange.day(published);
        }
        boolean yearWritten = writtenText != null && WRITTEN_YEAR.matcher(writtenText).find();
        Matcher m = DAY.matcher(value);
        if (m.matches()) {
            int month = Integer.parseInt(m.group(2));
            int day = Integer.parseInt(m.group(3));
            if ("XXXX".equals(m.group(1))) {
                return published == null ? null : DateRange.day(closestYear(published, month, day));
            }
            LocalDate date = safeDate(Integer.parseInt(m.group(1)), month, day);
            if (date == null) {
                return null;
            }
            if (!yearWritten && published != null && Math.abs(ChronoUnit.DAYS.between(published, date)) > 183) {
                date = closestYear(published, month, day);
            }
            return DateRange.day(date);
        }
        m = MONTH.matcher(value);
        if (m.matches()) {
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), 1);
            return new DateRange(first, first.with(TemporalAdjusters.lastDayOfMonth()), Granularity.MONTH);
        }
        m = WEEK.matcher(value);
        if (m.matches()) {
            LocalDate monday = LocalDate.of(Integer.parseInt(m.group(1)), 6, 1)
                    .with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, Integer.parseInt(m.group(2)))
                    .with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            if (m.group(3) != null) {
                return new DateRange(monday.plusDays(5), monday.plusDays(6), Granularity.WEEK);
            }
            return new DateRange(monday, monday.plusDays(6), Granularity.WEEK);
        }
        m = QUARTER.matcher(value);
        if (m.matches()) {
            int q = Integer.parseInt(m.group(2));
            LocalDate first = LocalDate.of(Integer.parseInt(m.group(1)), 3 * (q - 1) + 1, 1);
            return new DateRange(first, first.plusMonths(3).minusDays(1), Granularity.QUARTER);
        }
        m = YEAR.matcher(value);
        if (m.matches()) {
            int y = Integer.parseInt(m.group(1));
            return new DateRange(LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31), Granularity.YEAR);
        }
        return null;
    }

    /** How the clause holding a date tells of it: done, yet to come, or not known from the verb. */
    public enum Tense { PAST, FUTURE, UNKNOWN }

    private static final Pattern WEEKDAY = Pattern.compile(
            "\\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern WEEKEND = Pattern.compile("\\bweekend\\b", Pattern.CASE_INSENSITIVE);
    private static final Pattern CALENDAR_WORDS = Pattern.compile(
            "\\d|\\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?\\b", Pattern.CASE_INSENSITIVE);

    /**
     * A weekday or weekend written without a calendar date ("on Tuesday", "Sunday night", "over the weekend") names
     * the last such day before publication when told in the past, the next one when told in the future. The engine
     * places them in the publication week whatever the tense, so a past "Sunday" in a Monday article lands six days
     * ahead. Returns {@code engine} unchanged for any other expression, or when the tense is not known.
     */
    public static DateRange byTense(DateRange engine, String written, Tense tense, LocalDate published) {
        if (published == null || written == null || CALENDAR_WORDS.matcher(written).find()) {
            return engine;
        }
        String lower = written.toLowerCase(java.util.Locale.ROOT);
        boolean last = lower.matches(".*\\b(last|past|previous)\\b.*");
        boolean next = lower.matches(".*\\b(next|coming)\\b.*");
        Tense told = last ? Tense.PAST : next ? Tense.FUTURE : tense;
        if (told == Tense.UNKNOWN) {
            return engine;
        }
        Matcher weekday = WEEKDAY.matcher(written);
        if (weekday.find()) {
            DayOfWeek day = DayOfWeek.valueOf(weekday.group(1).toUpperCase(java.util.Locale.ROOT));
            LocalDate date = told == Tense.PAST
                    ? published.with(last ? TemporalAdjusters.previous(day) : TemporalAdjusters.previousOrSame(day))
                    : published.with(next ? TemporalAdjusters.next(day) : TemporalAdjusters.nextOrSame(day));
            return DateRange.day(date);
        }
        if (WEEKEND.matcher(written).find()) {
            LocalDate saturday = told == Tense.PAST
                    ? published.minusDays(1).with(TemporalAdjusters.previousOrSame(DayOfWeek.SATURDAY))
                    : published.with(TemporalAdjusters.nextOrSame(DayOfWeek.SATURDAY));
            LocalDate sunday = saturday.plusDays(1);
            if (told == Tense.PAST && sunday.isAfter(published)) {
                sunday = published;
            }
            return new DateRange(saturday, sunday, Granularity.WEEK);
        }
        return engine;
    }

    private static LocalDate closestYear(LocalDate published, int month, int day) {
        LocalDate best = null;
        for (int y = published.getYear() - 1; y <= published.getYear() + 1; y++) {
            LocalDate d = safeDate(y, month, day);
            if (d != null && (best == null
                    || Math.abs(ChronoUnit.DAYS.between(published, d)) < Math.abs(ChronoUnit.DAYS.between(published, best)))) {
                best = d;
            }
        }
        return best;
    }

    private static LocalDate safeDate(int y, int m, int d) {
        try {
            return LocalDate.of(y, m, d);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }
}
