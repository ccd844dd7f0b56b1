package io.seire.command.programme;

import jakarta.validation.Valid;
import io.seire.kernel.DecimalText;
import io.seire.platform.web.rules.Decimal;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.NotBlank;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seire.command.write.Write;
import io.seire.command.write.WriteExecutor;
import io.seire.command.write.Written;
import io.seire.kernel.access.Actor;
import io.seire.kernel.programme.FundingSource;
import io.seire.kernel.programme.ProgrammeComponent;
import io.seire.kernel.programme.ProgrammeEvent;
import io.seire.kernel.programme.ProgrammeIndicator;
import io.seire.kernel.programme.RegisterProgramme;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Registering a programme: its currencies, ceiling, funding sources, components and indicators. */
@RestController
@RequestMapping("/api/v1/programmes")
@Tag(name = "Programmes")
public class ProgrammesController {

    public record FundingSourceRequest(@NotBlank String code, @NotBlank String name, @NotBlank @Decimal String share,
                                       @NotNull Boolean claimable) {
    }

    public record ProgrammeComponentRequest(@NotBlank String code, @NotBlank String name) {
    }

    public record ProgrammeIndicatorRequest(@NotBlank String code, @NotBlank String name, @NotBlank String unit) {
    }

    public record RegisterProgrammeRequest(@NotBlank String id, @NotBlank String name, @NotBlank String currency,
                                           @NotBlank String claimCurrency, @NotBlank @Decimal String ceiling,
                                           @NotNull List<@NotNull(message = "must not be null") @Valid FundingSourceRequest> fundingSources,
                                           List<@NotNull(message = "must not be null") @Valid ProgrammeComponentRequest> components,
                                           List<@NotNull(message = "must not be null") @Valid ProgrammeIndicatorRequest> indicators) {
    }

    private final WriteExecutor writes;
    private final ObjectMapper json;

    public ProgrammesController(WriteExecutor writes, ObjectMapper json) {
        this.writes = writes;
        this.json = json;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @io.seire.command.write.Sends(io.seire.kernel.programme.RegisterProgramme.class)
    @Operation(summary = "Register a programme with its claim currency and ceiling, funding sources (shares adding "
            + "up to 100), components and indicators (administrators)")
    public ResponseEntity<Written> register(@Valid @RequestBody RegisterProgrammeRequest body, Actor actor,
                                           HttpServletRequest request) {
        List<FundingSource> sources = body.fundingSources().stream().map(s -> new FundingSource(s.code(), s.name(),
                DecimalText.parse(s.share()), s.claimable())).toList();
        List<ProgrammeComponent> components = listOf(body.components()).stream()
                .map(c -> new ProgrammeComponent(c.code(), c.name())).toList();
        List<ProgrammeIndicator> indicators = listOf(body.indicators()).stream()
                .map(i -> new ProgrammeIndicator(i.code(), i.name(), i.unit())).toList();
        RegisterProgramme command = new RegisterProgramme(body.id(), body.name(), body.currency(), body.claimCurrency(),
                DecimalText.parse(body.ceiling()), sources, components, indicators);
        return writes.record(Write.ofJson(actor, ProgrammeEvent.stream(body.id()), request, json, body, 201), command);
    }

    private static <T> List<T> listOf(List<T> given) {
        return given == null ? List.of() : given;
    }
}
