using System.Security.Claims;
using ChannelBot.Application.Dialogs;
using ChannelBot.Dialogs.Definitions;
using ChannelBot.Dialogs.Runtime;
using ChannelBot.Domain.Cases;
using ChannelBot.Geo;
using ChannelBot.Infrastructure.Cases;
using ChannelBot.Infrastructure.Open311;
using ChannelBot.Schema;
using ChannelBot.Web.Intake;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ChannelBot.Web.Staff;

/// <summary>
/// Call-taker intake: an operator files a case for a caller from the console (or a switchboard's system with an
/// operator key), with the catalog's questions, through the same filer as Open311 (<see cref="ExternalCaseFiler"/>):
/// the same ticket counter, routing by area, duplicate rule, receipts (SMS or email to the caller who agreed to them)
/// and hand-off to the department's system. An open case of the same service nearby is offered first (409 with
/// <c>possibleDuplicates</c>); the operator then links the caller to it or files anyway. A submission carries an
/// <c>Idempotency-Key</c> (<see cref="IntakeIdempotency"/>): sent again (a double click, a retry after a lost answer) it
/// answers the case it filed.
/// </summary>
public static class StaffIntakeEndpoints
{
    public const string IdempotencyHeader = IntakeIdempotency.Header;

    public static IEndpointRouteBuilder MapStaffIntake(this IEndpointRouteBuilder endpoints)
    {
        var intake = endpoints.MapGroup("/api/staff")
            .RequireAuthorization(StaffRoles.OperatorPolicy)
            .WithTags("Call-taker intake");
        intake.MapGet("/intake/services", Catalog)
            .WithName("GetIntakeServices")
            .WithSummary("The catalog's services and their questions, for a call taker's form.");
        intake.MapPost("/cases", FileAsync)
            .WithName("FileCaseForCaller")
            .WithSummary("Files a case for a caller (phone or walk-in) with an Idempotency-Key; 409 offers open cases nearby to link the caller to instead.");
        return endpoints;
    }

    private static Results<Ok<IntakeCatalogDto>, ProblemHttpResult> Catalog(IDialogEngineSource dialogs, string? language)
    {
        var definitions = dialogs.Current.Definitions;
        var lang = string.IsNullOrWhiteSpace(language) ? definitions.DefaultLanguage : language.Trim();
        if (!definitions.Languages.Contains(lang))
        {
            return TypedResults.Problem($"The catalog is in {string.Join(", ", definitions.Languages)}.", statusCode: StatusCodes.Status400BadRequest);
        }

        var groups = definitions.Catalog.Groups.ToDictionary(g => g.Key, g => g.Name.Get(lang, definitions.DefaultLanguage), StringComparer.Ordinal);
        return TypedResults.Ok(new IntakeCatalogDto(lang, definitions.Languages, [.. definitions.Catalog.Services.Select(s => Service(s, lang, definitions.DefaultLanguage, groups))]));
    }

    private static IntakeServiceDto Service(ServiceDefinition service, string language, string fallback, Dictionary<string, string> groups) => new(
        service.Code,
        service.Name.Get(language, fallback),
        groups.GetValueOrDefault(service.Group, service.Group),
        service.Department,
        service.Duplicates.RadiusMetres,
        [
            .. service.Attributes.OrderBy(a => a.Order).Select(a => new IntakeQuestionDto(
                a.Code,
                a.Datatype.ToString().ToLowerInvariant(),
                a.Required,
                a.Description.Get(language, fallback),
                a.Hint?.Get(language, fallback),
                [.. a.Values.Select(v => new IntakeChoiceDto(v.Key, v.Name.Get(language, fallback)))],
                a.Min,
                a.Max,
                a.Datatype is AttributeDatatype.String or AttributeDatatype.Text ? AttributeAnswers.MaxLengthOf(a) : null)),
        ]);

    private static async Task<Results<Created<PhoneIntakeFiledDto>, Ok<PhoneIntakeFiledDto>, ValidationProblem, ProblemHttpResult>> FileAsync(
        PhoneIntakeDto form,
        HttpRequest request,
        ClaimsPrincipal user,
        IDialogEngineSource dialogs,
        CityGeography geography,
        ExternalCaseFiler filer,
        CaseReader reader,
        TimeProvider clock,
        CancellationToken cancellationToken)
    {
        var key = IntakeIdempotency.KeyOf(request);
        if (!IntakeIdempotency.IsWellFormed(key))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { [IdempotencyHeader] = [$"Send an {IdempotencyHeader} header ({IntakeIdempotency.KeyRule}), new for each report and the same when it is sent again."] },
                title: "The report has no idempotency key.");
        }

        var by = user.Identity?.Name ?? "staff";
        var engine = dialogs.Current;
        var conversation = IntakeIdempotency.ConversationId("intake-", by, key);

        // Sent again after it was filed: the same case, whatever the duplicate check would say now (it would find this very case).
        var channel = string.Equals(form.Channel?.Trim(), PhoneIntakeForm.WalkIn, StringComparison.Ordinal) ? PhoneIntakeForm.WalkIn : PhoneIntakeForm.Phone;
        if (await filer.FiledFromAsync(channel, conversation, filedSince: null, cancellationToken) is { } earlier)
        {
            return TypedResults.Ok(await AnswerAsync(earlier, engine.Definitions, reader, clock, alreadyFiled: true, cancellationToken));
        }

        var (intake, errors) = PhoneIntakeForm.Check(form, engine.Definitions, engine.CityTimeZone, geography);
        if (intake is null)
        {
            return TypedResults.ValidationProblem(errors, title: "The report cannot be filed as it is.");
        }

        var now = clock.GetUtcNow();
        var service = intake.Service;
        var follow = form.FollowTicket is { Length: > 0 } ticket ? TicketNumber.Parse(ticket.Trim()) : null;
        if (follow is not null && await reader.GetAsync(follow, cancellationToken) is not { IsOpen: true, DuplicateOf: null } followed)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["followTicket"] = [$"{follow} is not an open case the caller can be linked to: file a new case instead."] },
                title: "The report cannot be filed as it is.");
        }
        if (follow is null && !form.NotADuplicate
            && intake.Location.Latitude is { } lat && intake.Location.Longitude is { } lon && service.Duplicates.RadiusMetres > 0)
        {
            var nearby = await filer.NearbyAsync(new FindNearbyCases(service.Code, lat, lon, service.Duplicates.RadiusMetres, now - TimeSpan.FromDays(service.Duplicates.Days)), cancellationToken);
            if (nearby.Count > 0 && await filer.FiledFromAsync(channel, conversation, filedSince: null, cancellationToken) is { } filedMeanwhile)
            {
                // The same submission, sent twice at once, filed while this one looked: the case found nearby is its own.
                return TypedResults.Ok(await AnswerAsync(filedMeanwhile, engine.Definitions, reader, clock, alreadyFiled: true, cancellationToken));
            }

            if (nearby.Count > 0)
            {
                return TypedResults.Problem(
                    $"{nearby.Count} open {service.Name.Get(intake.Language, engine.Definitions.DefaultLanguage)} case(s) within {service.Duplicates.RadiusMetres:0} m may be the caller's problem: send followTicket to link the caller to one (they hear its updates), or notADuplicate: true to file a new case.",
                    statusCode: StatusCodes.Status409Conflict,
                    title: "Possible duplicate",
                    extensions: new Dictionary<string, object?>
                    {
                        ["possibleDuplicates"] = nearby.Select(n => new PossibleDuplicateDto(n.Ticket, n.Status, n.ReportedAt, n.Address, Math.Round(n.DistanceMetres))).ToList(),
                    });
            }
        }

        var submission = Submission(intake, engine.Definitions, by, conversation, follow?.ToString(), now);
        var (filed, alreadyFiled) = await filer.FileOnceAsync(submission, filedSince: null, cancellationToken);
        var answer = await AnswerAsync(filed, engine.Definitions, reader, clock, alreadyFiled, cancellationToken);
        return alreadyFiled ? TypedResults.Ok(answer) : TypedResults.Created($"/api/cases/{filed}", answer);
    }

    private static IntakeSubmission Submission(PhoneIntake intake, DialogDefinitions definitions, string by, string conversation, string? follow, DateTimeOffset now)
    {
        var service = intake.Service;
        var how = intake.Channel == PhoneIntakeForm.WalkIn ? "Taken at the counter" : "Taken by phone";
        var consent = intake.UpdatesBy switch
        {
            null => "the caller did not want updates",
            var channel => $"the caller agreed, speaking to {by}, to be sent updates by {(channel == "sms" ? "SMS to the phone number given" : "email to the address given")}",
        };
        return new IntakeSubmission(
            service.Code,
            service.Name.Get(definitions.DefaultLanguage),
            service.Department,
            intake.Attributes,
            intake.Location,
            intake.Description,
            [],
            intake.Name,
            intake.Phone,
            intake.Email,
            intake.UpdatesBy is not null,
            intake.Language,
            intake.Channel,
            null,
            new ConversationReference { ChannelId = intake.Channel, Conversation = new ConversationAccount { Id = conversation }, Locale = intake.Language },
            service.Sla.Days,
            service.Sla.Type == SlaDayType.Business,
            now,
            intake.UpdatesBy,
            DescriptionPublic: false,
            Follow: follow,
            FiledBy: by,
            IntakeNote: $"{how} by {by}; {consent}.");
    }

    private static async Task<PhoneIntakeFiledDto> AnswerAsync(string ticket, DialogDefinitions definitions, CaseReader reader, TimeProvider clock, bool alreadyFiled, CancellationToken cancellationToken)
    {
        var found = (await reader.GetAsync(TicketNumber.Parse(ticket), cancellationToken))!;
        var detail = found.ToDetail(clock.GetUtcNow(), await reader.MessagesAsync(found.Id, cancellationToken), await reader.FollowersAsync(found.Ticket, cancellationToken));
        var service = definitions.Catalog.Find(found.ServiceCode);
        var notice = found.DuplicateOf is { } original
            ? $"Linked to {original}, open nearby: the caller hears that case's updates."
            : service?.Notice.Get(found.Language, definitions.DefaultLanguage) ?? string.Empty;
        return new PhoneIntakeFiledDto(detail, notice, alreadyFiled);
    }
}
