package org.dossier.language.model;

public enum Granularity { DAY, WEEK, MONTH, QUARTER, YEAR }
