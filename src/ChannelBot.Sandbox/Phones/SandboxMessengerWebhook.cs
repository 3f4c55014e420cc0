using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Text;
using ChannelBot.Channels.Meta;
using ChannelBot.Sandbox.Meta;

namespace ChannelBot.Sandbox.Phones;

/// <summary>
/// The Messenger phone: each send becomes the webhook delivery Meta would make (<c>POST /api/meta/webhook</c>,
/// <c>{"object":"page","entry":[{"messaging":[…]}]}</c>: text, a tapped quick reply with its payload, an image
/// attachment on the sandbox's CDN path, a location attachment), signed on its raw bytes with the development app
/// secret (<c>X-Hub-Signature-256</c>). A photo or location and a text go as separate messages, as Messenger sends
/// them. On only while the Meta sandbox is active.
/// </summary>
public sealed class SandboxMessengerWebhook(
    MetaSandbox sandbox,
    MetaWebhookSigning signing,
    SandboxMediaStore media,
    SandboxWebhookPoster poster,
    TimeProvider timeProvider)
{
    /// <summary>Where the sandbox serves attached photos, as Meta's CDN does: public, signed in the URL (<c>?oh=</c>).</summary>
    public const string CdnPath = MetaSandbox.BasePath + "/cdn";

    /// <summary>True when the phone can be used: Development, no Meta credentials, so the sandbox signs with the development secret.</summary>
    public bool IsOn => sandbox.IsActive && sandbox.AppSecret is not null;

    /// <summary>The page id events are addressed to.</summary>
    public string PageId => signing.PageId ?? MetaSandbox.PageId;

    /// <summary>The signature a CDN URL of <paramref name="mediaId"/> carries (HMAC-SHA256 with the development app secret).</summary>
    public string? CdnSignature(string mediaId) =>
        sandbox.AppSecret is { } secret ? Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(mediaId))) : null;

    public async Task<SandboxPosted> PostAsync(SandboxPhoneInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        var messages = new List<JsonObject>();
        if (input.Photo is { } photo)
        {
            var file = media.Add(photo);
            messages.Add(Attachment("image", null, new JsonObject { ["url"] = $"{sandbox.GraphBaseUrl}/cdn/{file.Id}?oh={CdnSignature(file.Id)}" }));
        }

        if (input.Pin is { } pin)
        {
            messages.Add(Attachment("location", pin.Label ?? "Pinned Location", new JsonObject
            {
                ["coordinates"] = new JsonObject { ["lat"] = pin.Latitude, ["long"] = pin.Longitude },
            }));
        }

        if (input.Text is { } text)
        {
            var message = new JsonObject { ["mid"] = NewMid(), ["text"] = text };
            if (input.Payload is { } payload)
            {
                message["quick_reply"] = new JsonObject { ["payload"] = payload };
            }

            messages.Add(message);
        }

        SandboxPosted? posted = null;
        foreach (var message in messages)
        {
            posted = await PostOneAsync(input.Address, message, cancellationToken).ConfigureAwait(false);
            if (!posted.Accepted)
            {
                break;
            }
        }

        return posted!;
    }

    private async Task<SandboxPosted> PostOneAsync(string psid, JsonObject message, CancellationToken cancellationToken)
    {
        var now = timeProvider.GetUtcNow().ToUnixTimeMilliseconds();
        var delivery = new JsonObject
        {
            ["object"] = "page",
            ["entry"] = new JsonArray(new JsonObject
            {
                ["id"] = PageId,
                ["time"] = now,
                ["messaging"] = new JsonArray(new JsonObject
                {
                    ["sender"] = new JsonObject { ["id"] = psid },
                    ["recipient"] = new JsonObject { ["id"] = PageId },
                    ["timestamp"] = now,
                    ["message"] = message,
                }),
            }),
        };
        var bytes = Encoding.UTF8.GetBytes(delivery.ToJsonString());
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new("application/json");
        return await poster.PostAsync(
            SandboxChannel.Messenger, psid, MetaRoutes.WebhookPath, content, MetaSignature.HeaderName, MetaSignature.Compute(sandbox.AppSecret!, bytes), (string)message["mid"]!, cancellationToken)
            .ConfigureAwait(false);
    }

    private static JsonObject Attachment(string type, string? title, JsonObject payload)
    {
        var attachment = new JsonObject { ["type"] = type };
        if (title is not null)
        {
            attachment["title"] = title;
        }

        attachment["payload"] = payload;
        return new JsonObject { ["mid"] = NewMid(), ["attachments"] = new JsonArray(attachment) };
    }

    private static string NewMid() => "m_" + Guid.NewGuid().ToString("N");
}
