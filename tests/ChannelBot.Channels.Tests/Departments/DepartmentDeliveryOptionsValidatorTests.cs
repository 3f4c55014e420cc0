using ChannelBot.Application.Delivery;
using ChannelBot.Channels.Departments;

namespace ChannelBot.Channels.Tests.Departments;

public sealed class DepartmentDeliveryOptionsValidatorTests
{
    private const string Secret = "0123456789abcdef0123456789abcdef";

    [Theory]
    [InlineData("https://workorders.example.gov/311/cases", Secret, true)]
    [InlineData("http://127.0.0.1:8080/cases", Secret, true)]
    [InlineData("http://workorders.example.gov/311/cases", Secret, false)]
    [InlineData("https://workorders.example.gov/311/cases", "too-short", false)]
    [InlineData("https://workorders.example.gov/311/cases", null, false)]
    public void A_department_webhook_needs_https_and_a_long_secret(string url, string? secret, bool valid)
    {
        var options = new DepartmentDeliveryOptions();
        options.Webhooks["DPW-STREETS"] = new DepartmentWebhook { Url = new Uri(url), Secret = secret };

        var result = new DepartmentDeliveryOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData("https://workorders.example.gov/open311/v2/", "their-key", true)]
    [InlineData("http://localhost:8080/open311/v2/", "their-key", true)]
    [InlineData("https://workorders.example.gov/open311/v2", "their-key", false)]
    [InlineData("http://workorders.example.gov/open311/v2/", "their-key", false)]
    [InlineData("https://workorders.example.gov/open311/v2/", " ", false)]
    public void A_department_s_Open311_system_needs_an_https_base_ending_in_a_slash_and_a_key(string endpoint, string key, bool valid)
    {
        var options = new DepartmentDeliveryOptions();
        options.Open311["DPW-STREETS"] = new DepartmentOpen311 { Endpoint = new Uri(endpoint), ApiKey = key };

        var result = new DepartmentDeliveryOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }

    [Theory]
    [InlineData("00:00:15", true)]
    [InlineData("00:00:00.5", true)]
    [InlineData("00:02:00", true)]
    [InlineData("00:00:00.1", false)]
    [InlineData("00:05:00", false)]
    public void A_call_to_a_department_s_system_waits_between_half_a_second_and_two_minutes(string timeout, bool valid)
    {
        var options = new DepartmentDeliveryOptions { CallTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) };

        var result = new DepartmentDeliveryOptionsValidator().Validate(null, options);

        Assert.Equal(valid, result.Succeeded);
    }

    [Fact]
    public void A_signature_changes_with_the_body_the_time_and_the_secret()
    {
        var at = new DateTimeOffset(2026, 6, 17, 16, 0, 0, TimeSpan.Zero);
        var body = "{\"ticket\":\"311-2026-000001\"}"u8.ToArray();
        var signature = DepartmentWebhookSignature.Compute(Secret, at, body);

        Assert.StartsWith("t=1781712000,v1=", signature, StringComparison.Ordinal);
        Assert.NotEqual(signature, DepartmentWebhookSignature.Compute(Secret, at, "{\"ticket\":\"311-2026-000002\"}"u8.ToArray()));
        Assert.NotEqual(signature, DepartmentWebhookSignature.Compute(Secret, at.AddSeconds(1), body));
        Assert.NotEqual(signature, DepartmentWebhookSignature.Compute(Secret + "!", at, body));
    }
}
