package io.seire.query.personaldata;

import io.seire.kernel.PersonalText;
import io.seire.kernel.finance.ExpenditureCorrected;
import io.seire.kernel.finance.ExpenditureRecorded;
import io.seire.kernel.finance.ExpendituresImported;
import io.seire.kernel.progress.ActivityProgressReported;
import io.seire.kernel.results.IndicatorValueRecorded;
import io.seire.kernel.staffing.StaffHired;
import io.seire.platform.personaldata.PersonalData;
import io.seire.query.read.ProjectionWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.Message;
import org.axonframework.messaging.unitofwork.BatchingUnitOfWork;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.stereotype.Component;

/**
 * Opens sealed text for the projections (ADR 0035, 0037): the first text opened in a batch of events reads the keys
 * of every event of that batch in one query, so a projection pays no query per event; the keys live only as long as
 * the batch's transaction, so none outlives a redaction or erasure committed after it. Outside a batch (a single
 * event) the key is read on its own.
 */
@Component
public class SealedTexts {

    private static final Object OPENER = new Object();

    private final PersonalData personalData;
    private final ProjectionWriter writer;

    public SealedTexts(PersonalData personalData, ProjectionWriter writer) {
        this.personalData = personalData;
        this.writer = writer;
    }

    /** The clear text, {@code whenGone} if its key is destroyed, or the text as recorded before sealing. */
    public String open(PersonalText text, String whenGone) {
        if (text == null) {
            return null;
        }
        if (text.keyId() == null) {
            return text.legacyClear();
        }
        PersonalData.Opener opener = writer.transactionScoped(OPENER, k -> personalData.opener(keysOfBatch()));
        return opener == null ? personalData.open(text, whenGone) : opener.open(text, whenGone);
    }

    private static List<String> keysOfBatch() {
        Set<String> ids = new HashSet<>();
        if (CurrentUnitOfWork.isStarted()) {
            UnitOfWork<?> unit = CurrentUnitOfWork.get();
            List<? extends Message<?>> messages = unit instanceof BatchingUnitOfWork<?> batch ? batch.getMessages()
                    : List.of(unit.getMessage());
            for (Message<?> message : messages) {
                if (message instanceof EventMessage<?> event) {
                    for (PersonalText text : texts(event.getPayload())) {
                        if (text != null && text.keyId() != null) {
                            ids.add(text.keyId());
                        }
                    }
                }
            }
        }
        return new ArrayList<>(ids);
    }

    /** The sealed texts an event carries. */
    static List<PersonalText> texts(Object event) {
        if (event instanceof ExpenditureRecorded e) {
            return java.util.Collections.singletonList(e.description());
        }
        if (event instanceof ExpendituresImported e) {
            return e.rows().stream().map(ExpenditureRecorded::description).toList();
        }
        if (event instanceof ExpenditureCorrected e) {
            return java.util.Collections.singletonList(e.description());
        }
        if (event instanceof IndicatorValueRecorded e) {
            return java.util.Arrays.asList(e.note(), e.evidence());
        }
        if (event instanceof ActivityProgressReported e) {
            return java.util.Arrays.asList(e.summary(), e.problems(), e.measures(), e.nextSteps());
        }
        if (event instanceof StaffHired e) {
            return java.util.Collections.singletonList(e.name());
        }
        return List.of();
    }
}
