package io.seire.command.programme;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.kernel.access.Actor;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.programme.ProgrammeComponent;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.kernel.programme.ProgrammeIndicator;
import io.seire.kernel.programme.RegisterProgramme;
import io.seire.platform.web.Fields;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registering a programme: its currencies, ceiling, funding sources, components and indicators. */
@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes")
public class ProgrammesController {

    public record FundingSourceRequest(String code, String name, String share, Boolean claimable) {
    }

    public record ProgrammeComponentRequest(String code, String name) {
    }

    public record ProgrammeIndicatorRequest(String code, String name, String unit) {
    }

    public record RegisterProgrammeRequest(String id, String name, String currency, String claimCurrency,
                                           String ceiling, List<FundingSourceRequest> fundingSources,
                                           List<ProgrammeComponentRequest> components,
                                           List<ProgrammeIndicatorRequest> indicators) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ProgrammesController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @io.seire.command.write.Sends(io.seire.kernel.programme.RegisterProgramme.class)
    @Operation(summary = "Register a programme with its claim currency and ceiling, funding sources (shares adding "
            + "up to 100), components and indicators (administrators)")
    public ResponseEntity<String> register(@RequestBody RegisterProgrammeRequest body, Actor actor,
                                           HttpServletRequest request) {
        Fields f = new Fields();
        f.required("id", body.id());
        f.required("name", body.name());
        f.required("currency", body.currency());
        f.required("claimCurrency", body.claimCurrency());
        BigDecimal ceiling = f.requiredDecimal("ceiling", body.ceiling());
        f.required("fundingSources", body.fundingSources());
        List<FundingSource> sources = new ArrayList<>();
        List<FundingSourceRequest> givenSources = body.fundingSources() == null ? List.of() : body.fundingSources();
        for (int i = 0; i < givenSources.size(); i++) {
            FundingSourceRequest s = givenSources.get(i);
            String field = "fundingSources[" + i + "]";
            if (s == null) {
                f.add(field, "must not be null");
                continue;
            }
            f.required(field + ".code", s.code());
            f.required(field + ".name", s.name());
            BigDecimal share = f.requiredDecimal(field + ".share", s.share());
            f.required(field + ".claimable", s.claimable());
            sources.add(new FundingSource(s.code(), s.name(), share, Boolean.TRUE.equals(s.claimable())));
        }
        List<ProgrammeComponent> components = new ArrayList<>();
        List<ProgrammeComponentRequest> givenComponents = body.components() == null ? List.of() : body.components();
        for (int i = 0; i < givenComponents.size(); i++) {
            ProgrammeComponentRequest c = givenComponents.get(i);
            String field = "components[" + i + "]";
            if (c == null) {
                f.add(field, "must not be null");
                continue;
            }
            f.required(field + ".code", c.code());
            f.required(field + ".name", c.name());
            components.add(new ProgrammeComponent(c.code(), c.name()));
        }
        List<ProgrammeIndicator> indicators = new ArrayList<>();
        List<ProgrammeIndicatorRequest> givenIndicators = body.indicators() == null ? List.of() : body.indicators();
        for (int i = 0; i < givenIndicators.size(); i++) {
            ProgrammeIndicatorRequest ind = givenIndicators.get(i);
            String field = "indicators[" + i + "]";
            if (ind == null) {
                f.add(field, "must not be null");
                continue;
            }
            f.required(field + ".code", ind.code());
            f.required(field + ".name", ind.name());
            f.required(field + ".unit", ind.unit());
            indicators.add(new ProgrammeIndicator(ind.code(), ind.name(), ind.unit()));
        }
        f.throwIfInvalid();
        RegisterProgramme command = new RegisterProgramme(body.id(), body.name(), body.currency(), body.claimCurrency(),
                ceiling, sources, components, indicators);
        return writes.record(Write.ofJson(actor, ProgrammeEvent.stream(body.id()), request, json, body, 201), command);
    }
}
