package org.dossier.language.model;

/** Who is speaking: a named person, an organisation, a government (a country acting), a group, or anonymous. */
public enum SpeakerKind { PERSON, ORGANIZATION, GOVERNMENT, GROUP, ANONYMOUS }
