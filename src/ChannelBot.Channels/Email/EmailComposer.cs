using ChannelBot.Schema;
using MimeKit;

namespace ChannelBot.Channels.Email;

/// <summary>
/// Turns an outbound <c>email</c> activity into a MIME message: to <c>recipient.id</c> (or the conversation id),
/// subject from <c>summary</c>, the text as a plain-text body with the unsubscribe footer (<see cref="EmailFooter"/>),
/// the <c>List-Unsubscribe</c> and <c>List-Unsubscribe-Post</c> headers (RFC 2369, RFC 8058: one click in the mail
/// program), and a Message-ID made from the outbox row so a retried send can be recognised by the receiving server. Pure.
/// </summary>
internal static class EmailComposer
{
    public const int MaxSubjectLength = 200;

    /// <summary>RFC 8058: the value of <c>List-Unsubscribe-Post</c>, and the body a mail program POSTs to the link.</summary>
    public const string OneClick = "List-Unsubscribe=One-Click";

    public static bool TryCompose(long outboxId, Activity activity, EmailOptions options, string unsubscribeUrl, out MimeMessage? message, out string? error)
    {
        ArgumentNullException.ThrowIfNull(activity);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrWhiteSpace(unsubscribeUrl);
        message = null;
        var to = AddressOf(activity);
        if (string.IsNullOrWhiteSpace(to) || !MailboxAddress.TryParse(to, out var recipient) || !recipient.Address.Contains('@', StringComparison.Ordinal))
        {
            error = "the activity has no valid email address in recipient.id";
            return false;
        }

        if (string.IsNullOrWhiteSpace(activity.Text))
        {
            error = "the activity has no text to send";
            return false;
        }

        var from = string.IsNullOrWhiteSpace(options.FromAddress) ? "311@localhost" : options.FromAddress.Trim();
        var subject = string.IsNullOrWhiteSpace(activity.Summary) ? options.FromName : activity.Summary.Trim();
        message = new MimeMessage();
        message.From.Add(new MailboxAddress(options.FromName, from));
        message.To.Add(recipient);
        message.Subject = subject.Length > MaxSubjectLength ? subject[..MaxSubjectLength] : subject;
        message.MessageId = $"outbox-{outboxId}@{DomainOf(from)}";
        message.Headers.Add(HeaderId.ListUnsubscribe, "<" + unsubscribeUrl + ">");
        message.Headers.Add(HeaderId.ListUnsubscribePost, OneClick);
        var footer = EmailFooter.For(activity.Locale, options.FromName, unsubscribeUrl);
        message.Body = new TextPart(MimeKit.Text.TextFormat.Plain) { Text = activity.Text.Trim() + "\n\n" + EmailFooter.Separator + "\n" + footer + "\n" };
        error = null;
        return true;
    }

    /// <summary>The address an activity goes to.</summary>
    public static string? AddressOf(Activity activity)
    {
        ArgumentNullException.ThrowIfNull(activity);
        return !string.IsNullOrEmpty(activity.Recipient?.Id) ? activity.Recipient.Id : activity.Conversation?.Id;
    }

    /// <summary>The domain of the sender's address: every Message-ID the app makes is under it.</summary>
    public static string DomainOf(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "localhost";
    }
}
