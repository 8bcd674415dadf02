package org.dossier.language.model;

import java.time.LocalDate;

/** A post a person held, with the dates (followthemoney's Occupancy): null dates are unknown. */
public record Role(String postId, String title, String organizationKey, String countryKey, LocalDate from, LocalDate to) {
}
