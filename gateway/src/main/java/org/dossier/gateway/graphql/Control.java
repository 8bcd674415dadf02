package org.dossier.gateway.graphql;

import org.dossier.gateway.client.EntityRecord;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

@Type("Control")
@Description("A trade or export control: an export control, licensing rule, ban, tariff or sanction, as an entity that statements and events point at.")
public class Control extends EntityBase implements Entity {

    public Control(EntityRecord record) {
        super(record);
    }

    // A getter, not a batched field: it needs nothing beyond the control's own record (as a batched field it cost a
    // data-loader key, a future and an environment for each of the flagship answer's 1,700 controls).
    @NonNull
    @Description("What kind of measure the control is.")
    public Enums.ControlMeasure getMeasure() {
        EntityRecord.ControlRecord control = record().control();
        return control == null || control.measure() == null ? Enums.ControlMeasure.OTHER
                : Enums.ControlMeasure.valueOf(control.measure());
    }
}
