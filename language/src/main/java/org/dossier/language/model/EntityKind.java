package org.dossier.language.model;

public enum EntityKind { PERSON, ORGANIZATION, COUNTRY, PLACE, CONTROL, COMMODITY }
