package org.dossier.gateway.graphql;

/** The schema's enums (names are the contract's). */
public final class Enums {

    private Enums() {
    }

    @org.eclipse.microprofile.graphql.Enum("EntityKind")
    public enum EntityKind { PERSON, ORGANIZATION, COUNTRY, PLACE, CONTROL, COMMODITY }

    @org.eclipse.microprofile.graphql.Enum("SpeakerKind")
    public enum SpeakerKind { PERSON, ORGANIZATION, GOVERNMENT, GROUP, ANONYMOUS }

    @org.eclipse.microprofile.graphql.Enum("Granularity")
    public enum Granularity { DAY, WEEK, MONTH, QUARTER, YEAR }

    @org.eclipse.microprofile.graphql.Enum("ControlMeasure")
    public enum ControlMeasure { EXPORT_CONTROL, LICENSING, BAN, TARIFF, SANCTION, INVESTMENT_RESTRICTION, OTHER }

    @org.eclipse.microprofile.graphql.Enum("EventKind")
    public enum EventKind {
        TALKS, CALL, MEETING, AGREEMENT, DEADLINE, ANNOUNCEMENT, CONTROL_IMPOSED, CONTROL_EASED, LICENCE_DECISION, REPORT,
        SUSPENSION, EXTENSION, ORDER_SIGNED, INVESTIGATION, LAWSUIT, VISIT, HEARING, OTHER
    }
}
