package org.dossier.language.extract;

import org.dossier.language.model.SpeakerKind;
import org.dossier.language.model.Span;

/** Who speaks: as written ({@code attributedTo}, at {@code span}), the resolved entity ({@code key}, null when anonymous) and its kind. */
record SpeakerRef(String attributedTo, Span span, String key, SpeakerKind kind) {
}
