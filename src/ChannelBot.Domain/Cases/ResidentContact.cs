using System.Text.RegularExpressions;
using ChannelBot.Domain.Common;

namespace ChannelBot.Domain.Cases;

/// <summary>
/// Who reported a case and how to reach them: the channel identity they wrote from, and the name, phone
/// (E.164) and email they chose to give.
/// </summary>
public sealed partial record ResidentContact
{
    public ResidentContact(string? name, string? phone, string? email, string channelId, string channelUserId)
    {
        if (string.IsNullOrWhiteSpace(channelId))
        {
            throw new DomainException("A reporter needs the channel they wrote from.");
        }

        ArgumentNullException.ThrowIfNull(channelUserId);
        if (phone is not null && !E164().IsMatch(phone))
        {
            throw new DomainException("A reporter's phone must be in E.164 form (+ then up to 15 digits).");
        }

        Name = string.IsNullOrWhiteSpace(name) ? null : name.Trim();
        Phone = phone;
        Email = string.IsNullOrWhiteSpace(email) ? null : email.Trim();
        ChannelId = channelId;
        ChannelUserId = channelUserId;
    }

    public string? Name { get; }

    /// <summary>E.164, e.g. +15555550123.</summary>
    public string? Phone { get; }

    public string? Email { get; }

    /// <summary>The channel the resident wrote from (<c>sms</c>, <c>whatsapp</c>, <c>facebook</c>, <c>directline</c>...).</summary>
    public string ChannelId { get; }

    /// <summary>The resident's id on that channel (a phone number, a page-scoped id, a web chat user id).</summary>
    public string ChannelUserId { get; }

    [GeneratedRegex(@"^\+[1-9][0-9]{1,14}$", RegexOptions.CultureInvariant)]
    private static partial Regex E164();
}
