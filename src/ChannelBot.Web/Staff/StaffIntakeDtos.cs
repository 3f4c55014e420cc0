namespace ChannelBot.Web.Staff;

/// <summary>The catalog as a call taker's form needs it: the services and their questions, in one language.</summary>
public sealed record IntakeCatalogDto(string Language, IReadOnlyList<string> Languages, IReadOnlyList<IntakeServiceDto> Services);

/// <summary>A service of the catalog with its questions, in the catalog's order.</summary>
/// <param name="DuplicateRadiusMetres">An open case of the service this near is offered as a duplicate (0: never).</param>
public sealed record IntakeServiceDto(string Code, string Name, string Group, string Department, double DuplicateRadiusMetres, IReadOnlyList<IntakeQuestionDto> Questions);

/// <summary>One question: its Open311 datatype (string, number, datetime, text, singlevaluelist, multivaluelist) and limits.</summary>
public sealed record IntakeQuestionDto(
    string Code,
    string Datatype,
    bool Required,
    string Question,
    string? Hint,
    IReadOnlyList<IntakeChoiceDto> Choices,
    double? Min,
    double? Max,
    int? MaxLength);

public sealed record IntakeChoiceDto(string Key, string Name);

/// <summary>
/// A report taken by a call taker (<c>POST /api/staff/cases</c>, with an <c>Idempotency-Key</c> header).
/// </summary>
/// <param name="Answers">Answers to the service's questions by question code; a list question's values are its choices' keys.</param>
/// <param name="Address">Where, in words the city's map reads (an address, an intersection, a place); or give <paramref name="Latitude"/> and <paramref name="Longitude"/>.</param>
/// <param name="UpdatesBy"><c>sms</c> (to the caller's phone), <c>email</c> or <c>none</c>.</param>
/// <param name="ConsentGiven">The caller agreed, on the call, to be sent updates the way <paramref name="UpdatesBy"/> says.</param>
/// <param name="Channel"><c>phone</c> (default) or <c>walk-in</c>.</param>
/// <param name="Language">The caller's language for updates (default: the city's first).</param>
/// <param name="FollowTicket">The open case nearby the caller's problem is (offered by a 409): the caller follows it instead of a new case.</param>
/// <param name="NotADuplicate">The operator checked the cases offered and files a new one anyway.</param>
public sealed record PhoneIntakeDto(
    string? ServiceCode,
    string? Description,
    IReadOnlyDictionary<string, string[]>? Answers,
    string? Address,
    double? Latitude,
    double? Longitude,
    string? CallerName,
    string? CallerPhone,
    string? CallerEmail,
    string? UpdatesBy,
    bool ConsentGiven,
    string? Channel = null,
    string? Language = null,
    string? FollowTicket = null,
    bool NotADuplicate = false);

/// <summary>What a filing came to: the case (routed, maybe a duplicate of the one followed) and the service's notice to read to the caller.</summary>
/// <param name="AlreadyFiled">The same submission (its Idempotency-Key) had filed this case before: nothing new was filed.</param>
public sealed record PhoneIntakeFiledDto(CaseDetailDto Case, string Notice, bool AlreadyFiled);

/// <summary>An open case nearby that the caller's problem may be (the <c>possibleDuplicates</c> of a 409).</summary>
public sealed record PossibleDuplicateDto(string Ticket, string Status, DateTimeOffset CreatedAt, string? Address, double DistanceMetres);
