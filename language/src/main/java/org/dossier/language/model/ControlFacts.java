package org.dossier.language.model;

import java.util.List;

/** What a control is: its measure, the country imposing it, whom it targets, and the items it covers (entity keys). */
public record ControlFacts(String measure, String imposedByKey, List<String> targetKeys, List<String> itemKeys) {
}
