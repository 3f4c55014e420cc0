using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace ChannelBot.Channels.Tests.DirectLine;

/// <summary>POST …/upload as Web Chat sends it: files stored and served back by URL; size and type limits.</summary>
public sealed class DirectLineUploadTests : IAsyncLifetime
{
    /// <summary>A 1×1 PNG.</summary>
    public static readonly byte[] Png = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=");

    private DirectLineTestHost _host = null!;

    public async Task InitializeAsync() => _host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?>
    {
        ["DirectLine:MaxFileBytes"] = "1024",
        ["DirectLine:MaxUploadBytes"] = "4096",
        ["DirectLine:MaxFilesPerUpload"] = "2",
    });

    public async Task DisposeAsync() => await _host.DisposeAsync();

    /// <summary>The multipart body Web Chat 4.18.1 sends (reference §3.4).</summary>
    public static MultipartFormDataContent PhotoUpload(byte[] file, string contentType = "image/png", string fileName = "pothole.png", int files = 1)
    {
        var content = new MultipartFormDataContent();
        var activity = new StringContent(
            $$"""
            {"type":"message","text":"here it is","attachments":[{"contentType":"{{contentType}}","name":"{{fileName}}","thumbnailUrl":"data:image/jpeg;base64,AAAA"}],
             "channelData":{"clientActivityID":"up-1","attachmentSizes":[{{file.Length}}]},"from":{"id":"u-web","role":"user"},"channelId":"webchat"}
            """,
            Encoding.UTF8);
        activity.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.microsoft.activity");
        content.Add(activity, "activity", "blob");
        for (var i = 0; i < files; i++)
        {
            var part = new ByteArrayContent(file);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            content.Add(part, "file", fileName);
        }

        return content;
    }

    [Fact]
    public async Task An_upload_stores_the_file_links_it_from_the_activity_and_serves_it_back()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);

        using var response = await client.UploadAsync(PhotoUpload(Png));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var stored = _host.Sink.Received.Single(a => a.Type == "message");
        var attachment = Assert.Single(stored.Attachments!);
        Assert.Equal("image/png", attachment.ContentType);
        Assert.Equal("pothole.png", attachment.Name);
        Assert.StartsWith($"{_host.BaseAddress.GetLeftPart(UriPartial.Authority)}/v3/directline/attachments/", attachment.ContentUrl, StringComparison.Ordinal);
        Assert.Equal("up-1", stored.ChannelDataObject?.GetProperty("clientActivityID").GetString());

        var echo = Assert.Single(await client.PollAsync());
        Assert.Equal(attachment.ContentUrl, Assert.Single(echo.Attachments!).ContentUrl);

        using var anonymous = new HttpClient();
        using var file = await anonymous.GetAsync(new Uri(attachment.ContentUrl!));
        Assert.Equal(HttpStatusCode.OK, file.StatusCode);
        Assert.Equal("image/png", file.Content.Headers.ContentType?.MediaType);
        Assert.Equal(Png, await file.Content.ReadAsByteArrayAsync());
        Assert.Equal("nosniff", file.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Fact]
    public async Task An_oversized_file_gets_413_and_nothing_is_stored_or_echoed()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        var big = new byte[2048];
        Png.CopyTo(big, 0);

        using var response = await client.UploadAsync(PhotoUpload(big));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_host.UploadFolder));
        Assert.DoesNotContain(_host.Sink.Received, a => a.Type == "message");
        Assert.Empty(await client.PollAsync());
    }

    [Fact]
    public async Task An_upload_larger_than_the_whole_limit_gets_413_and_nothing_is_stored()
    {
        await using var host = await DirectLineTestHost.StartAsync(new Dictionary<string, string?>
        {
            ["DirectLine:MaxFileBytes"] = "1024",
            ["DirectLine:MaxUploadBytes"] = "1500",
        });
        var client = await DirectLineTestClient.StartedAsync(host.Client);
        var file = new byte[900];
        Png.CopyTo(file, 0);

        using var response = await client.UploadAsync(PhotoUpload(file, files: 2));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(host.UploadFolder));
    }

    [Fact]
    public async Task A_file_of_a_type_not_allowed_gets_415()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);

        using var response = await client.UploadAsync(PhotoUpload("MZ\u0090\0"u8.ToArray(), "application/x-msdownload", "run.exe"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_host.UploadFolder));
    }

    [Fact]
    public async Task A_file_that_only_claims_to_be_a_png_gets_415()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);

        using var response = await client.UploadAsync(PhotoUpload("<script>alert(1)</script>"u8.ToArray()));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_host.UploadFolder));
    }

    [Fact]
    public async Task Too_many_files_get_400()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);

        using var response = await client.UploadAsync(PhotoUpload(Png, files: 3));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(_host.UploadFolder));
    }

    [Fact]
    public async Task An_upload_that_is_not_multipart_gets_415_and_one_without_an_activity_gets_400()
    {
        var client = await DirectLineTestClient.StartedAsync(_host.Client);
        using var json = await client.UploadAsync(new StringContent(DirectLineTestClient.Message("hi", "c1"), Encoding.UTF8, "application/json"));
        var onlyFile = new MultipartFormDataContent();
        var part = new ByteArrayContent(Png);
        part.Headers.ContentType = new MediaTypeHeaderValue("image/png");
        onlyFile.Add(part, "file", "x.png");

        using var noActivity = await client.UploadAsync(onlyFile);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noActivity.StatusCode);
    }

    [Fact]
    public async Task An_unknown_attachment_id_gets_404()
    {
        using var response = await _host.Client.GetAsync(new Uri("/v3/directline/attachments/0123456789abcdef0123456789abcdef", UriKind.Relative));
        using var traversal = await _host.Client.GetAsync(new Uri("/v3/directline/attachments/..%2F..%2Fetc%2Fpasswd", UriKind.Relative));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }
}
